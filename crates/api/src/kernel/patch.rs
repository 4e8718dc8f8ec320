//! Update inputs: a field left out keeps its value, an explicit `null` clears it.

use alliance_domain::kernel::patch::Patch;
use async_graphql::MaybeUndefined;

pub fn patch<T>(value: MaybeUndefined<T>) -> Patch<T> {
    match value {
        MaybeUndefined::Undefined => Patch::Keep,
        MaybeUndefined::Null => Patch::Clear,
        MaybeUndefined::Value(v) => Patch::Set(v),
    }
}
