#pragma once
// A plain table of text cells, the common shape behind the CSV and XLSX exports.
#include <string>
#include <vector>

namespace sgwrs::analysis {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Lines about the whole table (which coding it counts, what it leaves out), written before
  // the header: in CSV as lines starting "# ", in XLSX as rows above the header.
  std::vector<std::string> notes = {};
};

}  // namespace sgwrs::analysis
