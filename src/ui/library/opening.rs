//! Reading a dropped or chosen file, or the page at a typed address, into an article draft:
//! the browser's part (reading bytes, fetching, parsing HTML inertly) around
//! [`crate::core::article_import::draft_from_content`], which decides everything else.

use crate::browser::article_fetching::fetch_page;
use crate::browser::file_reading::read_file_bytes;
use crate::browser::html_document::parse_html_inertly;
use crate::core::article_file::{ArticleFileProblem, MAX_ARTICLE_FILE_BYTES};
use crate::core::article_import::{
    address_file_name, draft_from_content, ArticleDraft, ImportProblem,
};
use crate::core::library::ArticleOrigin;

pub async fn draft_from_file(file: &web_sys::File) -> Result<ArticleDraft, ImportProblem> {
    // Refused before reading: a film dropped by mistake is never loaded into memory.
    let size = file.size() as usize;
    if size > MAX_ARTICLE_FILE_BYTES {
        return Err(ImportProblem::File(ArticleFileProblem::TooLarge {
            bytes: size,
        }));
    }
    let bytes = read_file_bytes(file)
        .await
        .map_err(|_| ImportProblem::FileUnreadable)?;
    let origin = ArticleOrigin::File { name: file.name() };
    draft_from_content(
        &file.name(),
        &file.type_(),
        &bytes,
        origin,
        parse_html_inertly,
    )
}

/// `url` is already checked (`core::article_import::web_address`).
pub async fn draft_from_address(url: &str) -> Result<ArticleDraft, ImportProblem> {
    let page = fetch_page(url).await?;
    let origin = ArticleOrigin::Web {
        url: url.to_string(),
    };
    draft_from_content(
        &address_file_name(url),
        &page.mime_type,
        &page.bytes,
        origin,
        parse_html_inertly,
    )
}
