use mlua::{Lua, Table, Value};

pub(crate) fn module(lua: &Lua) -> mlua::Result<Table> {
    let t = lua.create_table()?;
    t.raw_set("null", Value::NULL)?;
    Ok(t)
}
