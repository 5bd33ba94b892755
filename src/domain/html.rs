//! A tiny HTML writer for the large read-only tables. Building them as one string keeps the
//! wasm small (each typed Leptos view is compiled into its own code) and fast with thousands
//! of rows. Every text and attribute value goes through `escape`, so names such as
//! `<IMG SRC=X ONERROR=…>` stay text; the page's CSP forbids inline handlers besides.

use std::fmt::Write;

/// Escapes the five characters that matter in HTML text and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[derive(Default)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn new() -> Self {
        Html::default()
    }

    /// `<tag a="v" …>`; attributes with an empty name are skipped, so optional ones can be
    /// written inline.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes.iter().filter(|(name, _)| !name.is_empty()) {
            let _ = write!(self.out, " {name}=\"{}\"", escape(value));
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        let _ = write!(self.out, "</{tag}>");
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&escape(text));
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
    }

    pub fn finish(self) -> String {
        self.out
    }
}

// ---- Added for the campaign views (views-b) ----

impl Html {
    /// Appends markup this writer already produced (a nested table built on its own).
    pub fn raw(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }
}

// ---- end views-b ----

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_names_stays_text() {
        let mut html = Html::new();
        html.open("td", &[("data-last", "\"><script>"), ("", "skipped")])
            .text("<IMG SRC=X ONERROR=ALERT(1)> & O'CONNOR")
            .close("td");
        assert_eq!(
            html.finish(),
            "<td data-last=\"&quot;&gt;&lt;script&gt;\">&lt;IMG SRC=X ONERROR=ALERT(1)&gt; &amp; O&#39;CONNOR</td>"
        );
    }
}

// ---- views-a: markup templates ----

impl Html {
    /// Writes `template` with each `{}` replaced by the next of `values`, escaped. The markup
    /// stays one static string: a row written with one call weighs far less wasm than one
    /// `open`/`element` call per tag. Missing values leave the `{}` out; extra ones are unused.
    pub fn fill(&mut self, template: &str, values: &[&str]) -> &mut Self {
        let mut values = values.iter();
        let mut parts = template.split("{}");
        if let Some(first) = parts.next() {
            self.out.push_str(first);
        }
        for part in parts {
            if let Some(value) = values.next() {
                self.out.push_str(&escape(value));
            }
            self.out.push_str(part);
        }
        self
    }
}

#[cfg(test)]
mod template_tests {
    use super::*;

    #[test]
    fn fill_escapes_every_value_and_keeps_the_markup() {
        let mut html = Html::new();
        html.fill(
            "<tr data-last=\"{}\"><th scope=\"row\">{}</th><td>{}</td></tr>",
            &[
                "\"><script>",
                "<IMG SRC=X ONERROR=ALERT(1)> & O'CONNOR",
                "3",
            ],
        );
        assert_eq!(
            html.finish(),
            "<tr data-last=\"&quot;&gt;&lt;script&gt;\"><th scope=\"row\">&lt;IMG SRC=X ONERROR=ALERT(1)&gt; &amp; O&#39;CONNOR</th><td>3</td></tr>"
        );
    }

    #[test]
    fn fill_with_too_few_or_too_many_values() {
        let mut html = Html::new();
        html.fill("<p>{}</p><p>{}</p>", &["a"])
            .fill("<i></i>", &["unused"]);
        assert_eq!(html.finish(), "<p>a</p><p></p><i></i>");
    }
}
