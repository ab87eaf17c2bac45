#pragma once
// The importers of follow-up reports: one header for callers that want all of them.
#include "analysis/import/extract.hpp"        // IWYU pragma: export
#include "analysis/import/folder_import.hpp"  // IWYU pragma: export
#include "analysis/import/headings.hpp"       // IWYU pragma: export
#include "analysis/import/import_types.hpp"   // IWYU pragma: export
#include "analysis/import/metadata_csv.hpp"   // IWYU pragma: export
#include "analysis/import/pdf_text.hpp"       // IWYU pragma: export (silence_pdf_library_messages)
