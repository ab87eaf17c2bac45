#pragma once
// Renders mustache templates from web/templates. A page is rendered with the catalogue of
// the reader's language (as "t"), the page's own data, and the layout around it.
#include <map>
#include <memory>
#include <string>

#include "web/core/catalogue.hpp"
#include "web/core/template.hpp"

namespace sgwrs::web {

class Renderer {
 public:
  // Loads every *.mustache file in dir. Files whose names start with "_" are partials.
  // Catalogue text ({{t.key}}) and partials ({{> name}}) are resolved here, once per
  // language, so rendering a page looks up only the page's own data.
  Renderer(const std::string& template_dir, const Catalogue& catalogue);

  // Renders template `name` with `page` (which must be an object) in language l.
  std::string render(const std::string& name, Language l, const Data& page) const;
  // Renders `name` and places it in the layout as {{{content}}}. `shared`, when given, is
  // data for the layout that pages share (the navigation), looked up after the page's own.
  std::string render_page(const std::string& name, Language l, const Data& page,
                          const Data* shared = nullptr) const;
  const Catalogue& catalogue() const { return catalogue_; }
  // The mustache text of `name` with partials and catalogue text expanded (for tests).
  const std::string& source(const std::string& name, Language l) const;

 private:
  const Template& compiled(const std::string& name, Language l) const;

  std::map<std::string, Template> compiled_[2];  // by language: en, cy
  std::map<std::string, std::string> sources_[2];
  const Catalogue& catalogue_;
};

}  // namespace sgwrs::web
