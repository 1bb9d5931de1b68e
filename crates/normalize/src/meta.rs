//! `--meta FILE`: fields to attach to the documents of `--raw`, from a JSON Lines file with one
//! object per text file, `{"file": NAME, "outlet": ..., "date": ...}`. A document takes the
//! fields of the line whose `file` is its file name as given or, failing that, the name's last
//! component (`articles/a.txt` finds `a.txt`).

use std::collections::HashMap;
use std::io;

use korpus_core::input::Lines;
use serde_json::{Map, Value};

/// The metadata of each file, by the name its line gives.
#[derive(Debug, Default)]
pub struct Meta {
    by_file: HashMap<String, Map<String, Value>>,
}

impl Meta {
    /// Reads the lines of a metadata file. An error names the line: not a JSON object, no
    /// `file` string, a file given twice.
    pub fn read(lines: &mut Lines) -> io::Result<Meta> {
        let mut by_file = HashMap::new();
        while let Some((number, bytes, _)) = lines.next_line()? {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let bad = |what: &str| {
                io::Error::new(io::ErrorKind::InvalidData, format!("line {number}: {what}"))
            };
            let mut fields: Map<String, Value> =
                serde_json::from_slice(bytes).map_err(|_| bad("not a JSON object"))?;
            let Some(Value::String(file)) = fields.shift_remove("file") else {
                return Err(bad("no \"file\" (the text file's name, a string)"));
            };
            if by_file.contains_key(&file) {
                return Err(bad(&format!("{file} is given twice")));
            }
            by_file.insert(file, fields);
        }
        Ok(Meta { by_file })
    }

    /// The fields for the file named `name` (as given on the command line).
    pub fn of(&self, name: &str) -> Option<&Map<String, Value>> {
        self.by_file.get(name).or_else(|| {
            let base = name.rsplit(['/', '\\']).next()?;
            self.by_file.get(base)
        })
    }

    pub fn len(&self) -> usize {
        self.by_file.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_file.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> io::Result<Meta> {
        let reader: Box<dyn io::BufRead> = Box::new(io::Cursor::new(text.as_bytes().to_vec()));
        Meta::read(&mut Lines::new(reader))
    }

    #[test]
    fn finds_a_file_by_its_name_or_its_last_component() {
        let m = meta(concat!(
            "{\"file\":\"a.txt\",\"outlet\":\"Anzeiger\",\"date\":\"2024-10-19\"}\n",
            "\n",
            "{\"file\":\"dir/b.txt\",\"outlet\":\"Kurier\"}\n"
        ))
        .unwrap();
        assert_eq!(m.len(), 2);
        let a = m.of("examples/articles/a.txt").unwrap();
        assert_eq!(a.keys().collect::<Vec<_>>(), ["outlet", "date"]);
        assert_eq!(a["outlet"], "Anzeiger");
        assert!(m.of("dir/b.txt").is_some());
        assert!(m.of("other/b.txt").is_none());
        assert!(m.of("c.txt").is_none());
    }

    #[test]
    fn names_the_line_of_a_bad_entry() {
        let e = meta("{\"file\":\"a\"}\n[1]\n").unwrap_err();
        assert_eq!(e.to_string(), "line 2: not a JSON object");
        let e = meta("{\"name\":\"a\"}\n").unwrap_err();
        assert!(e.to_string().starts_with("line 1: no \"file\""));
        let e = meta("{\"file\":\"a\"}\n{\"file\":\"a\",\"x\":1}\n").unwrap_err();
        assert_eq!(e.to_string(), "line 2: a is given twice");
    }
}
