#pragma once
// A plain table of text cells, the common shape behind the CSV and XLSX exports.
#include <string>
#include <vector>

namespace sgwrs::analysis {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

}  // namespace sgwrs::analysis
