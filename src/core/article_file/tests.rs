use super::*;

struct Case {
    name: &'static str,
    file_name: &'static str,
    mime_type: &'static str,
    bytes: Vec<u8>,
    expected: Expected,
}

enum Expected {
    /// Classified as this kind, and decoded to exactly this text.
    Opens(ArticleFileKind, &'static str),
    /// Classified as this kind and decoded, whatever the text (for files too big to spell out).
    OpensAs(ArticleFileKind),
    /// Refused with exactly this problem.
    Refused(ArticleFileProblem),
    /// Classified, then refused by the decoder with a message naming each of these.
    Unreadable(&'static [&'static str]),
}

fn check(case: Case) {
    let name = case.name;
    let outcome = classify_article_file(case.file_name, case.mime_type, &case.bytes)
        .and_then(|kind| Ok((kind, decode_article_file_text(&case.bytes, kind)?)));
    match (case.expected, outcome) {
        (Expected::Opens(kind, text), Ok(actual)) => {
            assert_eq!(actual, (kind, text.to_string()), "{name}");
        }
        (Expected::OpensAs(kind), Ok((actual, _))) => assert_eq!(actual, kind, "{name}"),
        (Expected::Refused(problem), Err(actual)) => {
            assert_eq!(actual, problem, "{name}");
            assert_is_one_sentence_saying_nothing_changed(
                name,
                &actual.message(&crate::core::locale::Locale::english()),
            );
        }
        (Expected::Unreadable(mentions), Err(actual @ ArticleFileProblem::NotDecodable { .. })) => {
            let message = actual.message(&crate::core::locale::Locale::english());
            for mention in mentions {
                assert!(
                    message.contains(mention),
                    "{name}: {message:?} lacks {mention:?}"
                );
            }
            assert_is_one_sentence_saying_nothing_changed(name, &message);
        }
        (_, actual) => panic!("{name}: unexpected {actual:?}"),
    }
}

/// What every problem's message promises: one sentence, saying that nothing was changed.
fn assert_is_one_sentence_saying_nothing_changed(name: &str, message: &str) {
    assert!(message.ends_with('.'), "{name}: {message:?}");
    assert!(
        message.starts_with(char::is_uppercase),
        "{name}: {message:?}"
    );
    assert!(
        !message.contains(". "),
        "{name}: more than one sentence: {message:?}"
    );
    assert!(
        message.contains("nothing was changed"),
        "{name}: {message:?}"
    );
}

fn with_prefix(prefix: &[u8], rest: &str) -> Vec<u8> {
    let mut bytes = prefix.to_vec();
    bytes.extend_from_slice(rest.as_bytes());
    bytes
}

fn utf16(text: &str, order: ByteOrder, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for unit in units {
        bytes.extend_from_slice(&match order {
            ByteOrder::Little => unit.to_le_bytes(),
            ByteOrder::Big => unit.to_be_bytes(),
        });
    }
    bytes
}

const PAGE_1252: &[u8] = b"<!DOCTYPE html><html><head>\
<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
</head><body><p>Caf\xE9 \x93quoted\x94 \x80 5 \x97 end</p></body></html>";

#[test]
fn classify_and_decode() {
    use ArticleFileKind::*;
    use ArticleFileProblem::*;
    let cases = vec![
        Case {
            name: "plain text by extension",
            file_name: "story.txt",
            mime_type: "text/plain",
            bytes: b"Standfirst.\n\nBody.".to_vec(),
            expected: Expected::Opens(PlainText, "Standfirst.\n\nBody."),
        },
        Case {
            name: "extension wins over MIME and is case-insensitive",
            file_name: "Story.MD",
            mime_type: "application/octet-stream",
            bytes: b"# Title".to_vec(),
            expected: Expected::Opens(Markdown, "# Title"),
        },
        Case {
            name: ".text and .markdown",
            file_name: "a.markdown",
            mime_type: "",
            bytes: b"x".to_vec(),
            expected: Expected::Opens(Markdown, "x"),
        },
        Case {
            name: ".htm is HTML",
            file_name: "page.htm",
            mime_type: "",
            bytes: b"<p>x</p>".to_vec(),
            expected: Expected::Opens(Html, "<p>x</p>"),
        },
        Case {
            name: ".xhtml is HTML",
            file_name: "page.xhtml",
            mime_type: "",
            bytes: b"<html/>".to_vec(),
            expected: Expected::Opens(Html, "<html/>"),
        },
        Case {
            name: "MIME when the extension says nothing",
            file_name: "download",
            mime_type: "text/html; charset=utf-8",
            bytes: b"<p>x</p>".to_vec(),
            expected: Expected::Opens(Html, "<p>x</p>"),
        },
        Case {
            name: "markdown MIME",
            file_name: "notes",
            mime_type: "text/markdown",
            bytes: b"x".to_vec(),
            expected: Expected::Opens(Markdown, "x"),
        },
        Case {
            name: "other text MIME is plain text",
            file_name: "story.log",
            mime_type: "text/x-log",
            bytes: b"x".to_vec(),
            expected: Expected::Opens(PlainText, "x"),
        },
        Case {
            name: "sniffed doctype",
            file_name: "saved",
            mime_type: "",
            bytes: b"\n  <!DOCTYPE html><p>x</p>".to_vec(),
            expected: Expected::Opens(Html, "\n  <!DOCTYPE html><p>x</p>"),
        },
        Case {
            name: "sniffed <html> after a BOM",
            file_name: "saved.dat",
            mime_type: "application/octet-stream",
            bytes: with_prefix(b"\xEF\xBB\xBF", "<HTML><p>x</p>"),
            expected: Expected::Opens(Html, "<HTML><p>x</p>"),
        },
        Case {
            name: "unknown content without a hint is plain text",
            file_name: "README",
            mime_type: "",
            bytes: b"Just words.".to_vec(),
            expected: Expected::Opens(PlainText, "Just words."),
        },
        Case {
            name: "UTF-8 BOM dropped",
            file_name: "a.txt",
            mime_type: "",
            bytes: with_prefix(b"\xEF\xBB\xBF", "Caf\u{e9}"),
            expected: Expected::Opens(PlainText, "Caf\u{e9}"),
        },
        Case {
            name: "UTF-16 LE with BOM",
            file_name: "a.txt",
            mime_type: "text/plain",
            bytes: utf16("Caf\u{e9} \u{1F600}\n\nB", ByteOrder::Little, true),
            expected: Expected::Opens(PlainText, "Caf\u{e9} \u{1F600}\n\nB"),
        },
        Case {
            name: "UTF-16 BE with BOM",
            file_name: "a.html",
            mime_type: "",
            bytes: utf16("<p>\u{4ED6}\u{8AAA}</p>", ByteOrder::Big, true),
            expected: Expected::Opens(Html, "<p>\u{4ED6}\u{8AAA}</p>"),
        },
        Case {
            name: "UTF-16 LE without BOM is text, not binary",
            file_name: "a.txt",
            mime_type: "",
            bytes: utf16("Plain words", ByteOrder::Little, false),
            expected: Expected::Opens(PlainText, "Plain words"),
        },
        Case {
            name: "UTF-16 with an unpaired surrogate",
            file_name: "a.txt",
            mime_type: "",
            bytes: [&[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0][..]].concat(),
            expected: Expected::Unreadable(&["broken character at offset 4"]),
        },
        Case {
            name: "Windows-1252 declared in http-equiv",
            file_name: "page.html",
            mime_type: "text/html",
            bytes: PAGE_1252.to_vec(),
            expected: Expected::Opens(
                Html,
                "<!DOCTYPE html><html><head>\
<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
</head><body><p>Caf\u{e9} \u{201C}quoted\u{201D} \u{20AC} 5 \u{2014} end</p></body></html>",
            ),
        },
        Case {
            name: "ISO-8859-1 declared in meta charset reads as Windows-1252",
            file_name: "page.html",
            mime_type: "",
            bytes: b"<meta charset='ISO-8859-1'><p>\xE9\x85</p>".to_vec(),
            expected: Expected::Opens(Html, "<meta charset='ISO-8859-1'><p>\u{e9}\u{2026}</p>"),
        },
        Case {
            name: "latin1 in an XML prolog",
            file_name: "page.xhtml",
            mime_type: "",
            bytes: b"<?xml version=\"1.0\" encoding=\"latin1\"?><p>\xFC</p>".to_vec(),
            expected: Expected::Opens(
                Html,
                "<?xml version=\"1.0\" encoding=\"latin1\"?><p>\u{fc}</p>",
            ),
        },
        Case {
            name: "the BOM wins over a declaration",
            file_name: "page.html",
            mime_type: "",
            bytes: with_prefix(b"\xEF\xBB\xBF", "<meta charset=windows-1252><p>\u{e9}</p>"),
            expected: Expected::Opens(Html, "<meta charset=windows-1252><p>\u{e9}</p>"),
        },
        Case {
            name: "a declaration in a plain-text file means nothing",
            file_name: "notes.txt",
            mime_type: "",
            bytes: b"<meta charset=windows-1252> caf\xE9 au lait".to_vec(),
            expected: Expected::Unreadable(&["byte 0xE9 at offset 31 is not UTF-8"]),
        },
        Case {
            name: "Windows-1252 undeclared",
            file_name: "page.html",
            mime_type: "",
            bytes: [&b"<p>".repeat(411)[..], b"Caf\xE9</p>"].concat(),
            expected: Expected::Unreadable(&[
                "byte 0xE9 at offset 1,236 is not UTF-8",
                "Windows-1252 or Latin-1",
                "save it as UTF-8 and try again",
            ]),
        },
        Case {
            name: "text cut in the middle of a character",
            file_name: "a.md",
            mime_type: "",
            bytes: b"caf\xC3".to_vec(),
            expected: Expected::Unreadable(&[
                "ends in the middle of a character at offset 3 (byte 0xC3)",
                "cut short, or saved as Windows-1252 or Latin-1",
            ]),
        },
        Case {
            name: "Shift_JIS declared",
            file_name: "page.html",
            mime_type: "text/html",
            bytes: b"<meta charset=\"Shift_JIS\"><p>\x93\xFA\x96\x7B</p>".to_vec(),
            expected: Expected::Unreadable(&["Shift_JIS", "not supported"]),
        },
        Case {
            name: "GB2312 declared but the page is plain ASCII",
            file_name: "page.html",
            mime_type: "",
            bytes: b"<meta charset=gb2312><p>ok</p>".to_vec(),
            expected: Expected::Opens(Html, "<meta charset=gb2312><p>ok</p>"),
        },
        Case {
            name: "empty",
            file_name: "a.txt",
            mime_type: "text/plain",
            bytes: Vec::new(),
            expected: Expected::Refused(Empty),
        },
        Case {
            name: "10 MB + 1",
            file_name: "a.txt",
            mime_type: "text/plain",
            bytes: vec![b'a'; MAX_ARTICLE_FILE_BYTES + 1],
            expected: Expected::Refused(TooLarge {
                bytes: MAX_ARTICLE_FILE_BYTES + 1,
            }),
        },
        Case {
            name: "exactly 10 MB opens",
            file_name: "a.txt",
            mime_type: "text/plain",
            bytes: vec![b' '; MAX_ARTICLE_FILE_BYTES],
            expected: Expected::OpensAs(PlainText),
        },
        Case {
            name: "PNG named .txt",
            file_name: "photo.txt",
            mime_type: "text/plain",
            bytes: b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR".to_vec(),
            expected: Expected::Refused(Binary {
                what: "a PNG image",
            }),
        },
        Case {
            name: "JPEG",
            file_name: "photo.jpg",
            mime_type: "image/jpeg",
            bytes: b"\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(),
            expected: Expected::Refused(Binary {
                what: "a JPEG image",
            }),
        },
        Case {
            name: "GIF",
            file_name: "a.gif",
            mime_type: "",
            bytes: b"GIF89a\x01\0".to_vec(),
            expected: Expected::Refused(Binary {
                what: "a GIF image",
            }),
        },
        Case {
            name: "WebP",
            file_name: "a.webp",
            mime_type: "",
            bytes: b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(),
            expected: Expected::Refused(Binary {
                what: "a WebP image",
            }),
        },
        Case {
            name: "PDF",
            file_name: "article.pdf",
            mime_type: "application/pdf",
            bytes: b"%PDF-1.7\n%\xE2\xE3".to_vec(),
            expected: Expected::Refused(Binary {
                what: "a PDF document",
            }),
        },
        Case {
            name: "ZIP named .docx",
            file_name: "article.docx",
            mime_type: "",
            bytes: b"PK\x03\x04\x14\0\x06\0".to_vec(),
            expected: Expected::Refused(Binary {
                what: "a Word document (.docx)",
            }),
        },
        Case {
            name: "ZIP named .epub",
            file_name: "book.epub",
            mime_type: "",
            bytes: b"PK\x03\x04mimetype".to_vec(),
            expected: Expected::Refused(Binary {
                what: "an EPUB book",
            }),
        },
        Case {
            name: "ZIP",
            file_name: "pages.zip",
            mime_type: "application/zip",
            bytes: b"PK\x05\x06".to_vec(),
            expected: Expected::Refused(Binary {
                what: "a ZIP archive",
            }),
        },
        Case {
            name: "gzip",
            file_name: "page.html.gz",
            mime_type: "",
            bytes: b"\x1F\x8B\x08\0".to_vec(),
            expected: Expected::Refused(Binary {
                what: "a gzip-compressed file",
            }),
        },
        Case {
            name: "MP3 with an ID3 tag",
            file_name: "interview.mp3",
            mime_type: "audio/mpeg",
            bytes: b"ID3\x04\0\0\0\0\0\x0F".to_vec(),
            expected: Expected::Refused(Binary {
                what: "an MP3 audio file",
            }),
        },
        Case {
            name: "MP3 frame",
            file_name: "clip",
            mime_type: "",
            bytes: b"\xFF\xFB\x90\x64".to_vec(),
            expected: Expected::Refused(Binary {
                what: "an MP3 audio file",
            }),
        },
        Case {
            name: "MP4",
            file_name: "video.mp4",
            mime_type: "video/mp4",
            bytes: b"\0\0\0\x20ftypisom".to_vec(),
            expected: Expected::Refused(Binary {
                what: "an MP4 video or audio file",
            }),
        },
        Case {
            name: "NUL bytes in a .txt",
            file_name: "data.txt",
            mime_type: "text/plain",
            bytes: b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0".to_vec(),
            expected: Expected::Refused(Binary {
                what: "binary data",
            }),
        },
        Case {
            name: "a text starting with ID3 is not an MP3",
            file_name: "notes.txt",
            mime_type: "",
            bytes: b"ID3 tags explained".to_vec(),
            expected: Expected::Opens(PlainText, "ID3 tags explained"),
        },
        Case {
            name: ".docx by name when its bytes are not a ZIP",
            file_name: "article.docx",
            mime_type: "",
            bytes: b"not really a docx".to_vec(),
            expected: Expected::Refused(UnsupportedType {
                extension: "docx".to_string(),
            }),
        },
        Case {
            name: ".rtf by name, even with a text MIME",
            file_name: "article.RTF",
            mime_type: "text/rtf",
            bytes: b"{\\rtf1\\ansi hello}".to_vec(),
            expected: Expected::Refused(UnsupportedType {
                extension: "rtf".to_string(),
            }),
        },
        Case {
            name: "a MIME type that is not text",
            file_name: "data.json",
            mime_type: "application/json",
            bytes: b"{}".to_vec(),
            expected: Expected::Refused(UnsupportedType {
                extension: "json".to_string(),
            }),
        },
        Case {
            name: "no extension and a MIME type that is not text",
            file_name: "blob",
            mime_type: "application/x-thing",
            bytes: b"words".to_vec(),
            expected: Expected::Refused(UnsupportedType {
                extension: String::new(),
            }),
        },
    ];
    for case in cases {
        check(case);
    }
}

#[test]
fn every_message_is_one_sentence_saying_nothing_changed() {
    let problems = [
        ArticleFileProblem::Empty,
        ArticleFileProblem::TooLarge {
            bytes: MAX_ARTICLE_FILE_BYTES + 1,
        },
        ArticleFileProblem::Binary {
            what: "a PNG image",
        },
        ArticleFileProblem::UnsupportedType {
            extension: "docx".to_string(),
        },
        ArticleFileProblem::UnsupportedType {
            extension: String::new(),
        },
        ArticleFileProblem::NotDecodable {
            detail: "byte 0xE9 at offset 1,234 is not UTF-8".to_string(),
        },
    ];
    for problem in &problems {
        assert_is_one_sentence_saying_nothing_changed(
            &format!("{problem:?}"),
            &problem.message(&crate::core::locale::Locale::english()),
        );
    }
    assert_eq!(
        problems[1].message(&crate::core::locale::Locale::english()),
        "This file is 10.1 MB, more than the 10 MB an article file may be, so it was not opened and nothing was changed."
    );
    assert_eq!(
        problems[5].message(&crate::core::locale::Locale::english()),
        "This file could not be read as text, so nothing was changed: byte 0xE9 at offset 1,234 is not UTF-8."
    );
}
