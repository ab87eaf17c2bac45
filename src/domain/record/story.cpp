#include "domain/record/story.hpp"

#include <dtl/dtl.hpp>

#include <utility>

namespace sgwrs {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Words and the spaces between them, alternately, so a changed word leaves its neighbours'
// spacing where it was.
std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const bool space = is_space(s[i]);
    std::size_t j = i;
    while (j < s.size() && is_space(s[j]) == space) ++j;
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

DiffRun run_of(dtl::edit_t e) {
  return e == dtl::SES_ADD      ? DiffRun::inserted
         : e == dtl::SES_DELETE ? DiffRun::deleted
                                : DiffRun::kept;
}

}  // namespace

std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after) {
  // dtl's O(NP) algorithm (Wu, Manber, Myers, Miller) over the token sequences.
  dtl::Diff<std::string, std::vector<std::string>> diff(tokens(before), tokens(after));
  diff.compose();
  // Between two kept runs, what was taken out is shown before what replaced it, as
  // people read a correction.
  std::vector<DiffPiece> out;
  std::string deleted, inserted;
  const auto flush = [&] {
    if (!deleted.empty()) out.push_back({DiffRun::deleted, std::exchange(deleted, {})});
    if (!inserted.empty()) out.push_back({DiffRun::inserted, std::exchange(inserted, {})});
  };
  // A space both texts share, lying inside a change, belongs to the change: otherwise a
  // replaced sentence would read as one run per word, "added" and "removed" in turns.
  const auto& seq = diff.getSes().getSequence();
  const auto blank = [](const std::string& t) {
    return t.find_first_not_of(" \t\r\n") == std::string::npos;
  };
  for (std::size_t i = 0; i < seq.size(); ++i) {
    const auto& [token, info] = seq[i];
    const DiffRun run = run_of(info.type);
    if (run == DiffRun::deleted) {
      deleted += token;
    } else if (run == DiffRun::inserted) {
      inserted += token;
    } else if (blank(token) && (!deleted.empty() || !inserted.empty()) && i + 1 < seq.size() &&
               run_of(seq[i + 1].second.type) != DiffRun::kept) {
      deleted += token;
      inserted += token;
    } else {
      flush();
      if (!out.empty() && out.back().run == DiffRun::kept)
        out.back().text += token;
      else
        out.push_back({DiffRun::kept, token});
    }
  }
  flush();
  return out;
}

}  // namespace sgwrs
