//! Where things are in a `.ftl` source: fluent-syntax's AST carries no spans, so the check finds
//! a message by its identifier at the start of a line (where Fluent requires it) and a variable
//! by its `$name` inside that message's lines.

use core::fmt;

/// A place in a `.ftl` file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, counted in characters.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// The position of byte `offset` in `source`.
pub(crate) fn position_of(source: &str, offset: usize) -> Position {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

fn floor_char_boundary(source: &str, mut offset: usize) -> usize {
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The byte range of the entry `id = …` (a message, or a term when `id` starts with `-`): from
/// its identifier to the next line that starts another entry or a comment.
pub(crate) fn entry_range(source: &str, id: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut start = None;
    for line in source.split_inclusive('\n') {
        let begins_entry = line.starts_with(|c: char| !c.is_whitespace());
        if let Some(start) = start {
            if begins_entry {
                return Some((start, offset));
            }
        } else if line
            .strip_prefix(id)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            start = Some(offset);
        }
        offset += line.len();
    }
    start.map(|start| (start, source.len()))
}

/// The position of the entry `id`, or of the file's first line if it cannot be found.
pub(crate) fn entry_position(source: &str, id: &str) -> Position {
    position_of(
        source,
        entry_range(source, id).map_or(0, |(start, _)| start),
    )
}

/// The position of `$variable` inside the entry `id`, or of the entry itself.
pub(crate) fn variable_position(source: &str, id: &str, variable: &str) -> Position {
    let Some((start, end)) = entry_range(source, id) else {
        return position_of(source, 0);
    };
    let needle = format!("${variable}");
    let entry = &source[start..end];
    let found = entry.match_indices(&needle).find(|(at, _)| {
        !entry[at + needle.len()..]
            .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    });
    position_of(source, start + found.map_or(0, |(at, _)| at))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str =
        "# comment\nA = un\nB =\n    deux { $n }\n    suite\nC = trois { $nn } { $n }\n";

    #[test]
    fn l10n_positions_are_lines_and_columns_from_one() {
        assert_eq!(entry_position(SOURCE, "A"), Position { line: 2, column: 1 });
        assert_eq!(entry_position(SOURCE, "B"), Position { line: 3, column: 1 });
        assert_eq!(
            variable_position(SOURCE, "B", "n"),
            Position {
                line: 4,
                column: 12
            }
        );
        // `$n` is not the prefix of `$nn`.
        assert_eq!(
            variable_position(SOURCE, "C", "n"),
            Position {
                line: 6,
                column: 21
            }
        );
        assert_eq!(position_of("é\nx", 3), Position { line: 2, column: 1 });
    }
}
