//! The committed schema documents itself: every type, field, argument, enum value and input field
//! an integrator can see carries a description.
//!
//! Built-in scalars (`ID`, `String`, `Int`, `Float`, `Boolean`) are not printed in the SDL, so they
//! need no exception. `DateTime` and `NaiveDate` come from async-graphql with their own descriptions.
//! Directive definitions (`@include`, `@skip`, `@specifiedBy`) are async-graphql's built-ins and are
//! not checked.

/// Elements that may stay undocumented, each with the reason. Empty: everything we print can be
/// described.
const EXEMPT: &[(&str, &str)] = &[];

#[test]
fn every_schema_element_has_a_description() {
    let sdl = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema.graphql"))
        .unwrap_or_default();
    assert!(!sdl.is_empty(), "schema.graphql is missing or empty");
    let missing: Vec<String> = undocumented(&sdl)
        .into_iter()
        .filter(|element| !EXEMPT.iter().any(|(name, _)| name == element))
        .collect();
    assert!(
        missing.is_empty(),
        "{} schema elements have no description:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// Every definition, field, input field, argument and enum value not directly preceded by a
/// description, named as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`.
fn undocumented(sdl: &str) -> Vec<String> {
    const DEFINITIONS: &[&str] = &["type", "input", "enum", "interface", "scalar", "union"];
    let mut missing = Vec::new();
    let mut described = false;
    let mut in_block_string = false;
    let mut current_type: Option<String> = None;
    let mut current_field: Option<String> = None;
    let mut skip_depth = 0usize; // inside `schema { }` or a multi-line directive definition
    for raw in sdl.lines() {
        let line = raw.trim();
        if in_block_string {
            if line.ends_with("\"\"\"") {
                in_block_string = false;
                described = true;
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("\"\"\"") {
            if rest.len() >= 3 && rest.ends_with("\"\"\"") {
                described = true;
            } else {
                in_block_string = true;
            }
            continue;
        }
        if line.starts_with('"') {
            described = true;
            continue;
        }
        if skip_depth > 0 {
            skip_depth += line.matches(['{', '(']).count();
            skip_depth -= line.matches(['}', ')']).count().min(skip_depth);
            described = false;
            continue;
        }
        let was_described = std::mem::take(&mut described);
        let Some(type_name) = current_type.clone() else {
            let keyword = line.split_whitespace().next().unwrap_or_default();
            if keyword == "schema" || keyword == "directive" {
                skip_depth = line.matches(['{', '(']).count();
                skip_depth -= line.matches(['}', ')']).count().min(skip_depth);
                continue;
            }
            if DEFINITIONS.contains(&keyword) {
                let name: String = line[keyword.len()..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !was_described {
                    missing.push(format!("{keyword} {name}"));
                }
                if line.ends_with('{') {
                    current_type = Some(name);
                }
            }
            continue;
        };
        if current_field.is_some() {
            // Inside a multi-line argument list.
            if line.starts_with(')') {
                current_field = None;
                continue;
            }
            let arg = identifier(line);
            if !was_described {
                let field = current_field.as_deref().unwrap_or_default();
                missing.push(format!("{type_name}.{field}({arg})"));
            }
            continue;
        }
        if line == "}" {
            current_type = None;
            continue;
        }
        let name = identifier(line);
        if !was_described {
            missing.push(format!("{type_name}.{name}"));
        }
        let after_name = &line[name.len()..];
        if let Some(args) = after_name.strip_prefix('(') {
            match closing_paren(args) {
                // Arguments on one line: async-graphql prints them there only when none has a
                // description.
                Some(end) => {
                    for arg in split_top_level(&args[..end]) {
                        missing.push(format!("{type_name}.{name}({})", identifier(arg.trim())));
                    }
                }
                None => current_field = Some(name),
            }
        }
    }
    missing
}

fn identifier(line: &str) -> String {
    line.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The index of the `)` closing an argument list that starts just after its `(`.
fn closing_paren(args: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, c) in args.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            ')' if depth == 0 => return Some(index),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn split_top_level(args: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (index, c) in args.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&args[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    parts.push(&args[start..]);
    parts
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect()
}

#[test]
fn the_description_check_finds_what_is_missing() {
    let sdl = r#"
"""
Documented.
"""
type A {
	"""
	Documented.
	"""
	a(first: Int, after: String): Int!
	b(
		"""
		Documented.
		"""
		x: Int
		y: Int = 3
	): Int
}
enum E {
	"Documented."
	ONE
	TWO
}
scalar S
directive @skip(if: Boolean!) on FIELD
schema {
	query: A
}
"#;
    assert_eq!(
        undocumented(sdl),
        [
            "A.a(first)",
            "A.a(after)",
            "A.b",
            "A.b(y)",
            "enum E",
            "E.TWO",
            "scalar S"
        ]
    );
}
