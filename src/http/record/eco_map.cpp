#include "http/record/eco_map.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numbers>

#include "domain/core/utf8.hpp"

namespace sgwrs::http::eco_map {
namespace {

constexpr int kWidth = 640, kHeight = 460;
constexpr int kCentreR = 56, kNodeR = 44;
constexpr double kRing = 170;
constexpr std::size_t kLabelChars = 11;

struct Point {
  double x, y;
};

std::string point_text(Point p) {
  return fmt::format("{:.0f},{:.0f}", p.x, p.y);
}

// The zig-zag of a stressful tie: a tooth every 12 px, 7 px either side of the line.
std::string zig_zag(Point from, Point to) {
  const double dx = to.x - from.x, dy = to.y - from.y;
  const double length = std::hypot(dx, dy);
  const int teeth = std::max(2, static_cast<int>(length / 12));
  const double nx = -dy / length, ny = dx / length;  // unit normal
  std::string out = point_text(from);
  for (int i = 1; i < teeth; ++i) {
    const double t = static_cast<double>(i) / teeth;
    const double side = i % 2 ? 7 : -7;
    out += " " + point_text({from.x + dx * t + nx * side, from.y + dy * t + ny * side});
  }
  return out + " " + point_text(to);
}

// At most kLabelChars code points, with an ellipsis when cut; the table has the whole name.
std::string short_label(const std::string& name) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < name.size();) {
    const char32_t cp = next_code_point(name, i);
    if (count++ == kLabelChars - 1 && i < name.size()) return out + "…";
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace

Drawing draw(const std::vector<Tie>& ties) {
  Drawing d;
  d.width = kWidth;
  d.height = kHeight;
  d.centre_x = kWidth / 2;
  d.centre_y = kHeight / 2;
  d.centre_r = kCentreR;
  d.node_r = kNodeR;
  const Point centre{static_cast<double>(d.centre_x), static_cast<double>(d.centre_y)};
  for (std::size_t i = 0; i < ties.size(); ++i) {
    const double angle =
        -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / ties.size();
    const double ux = std::cos(angle), uy = std::sin(angle);
    const Point node{centre.x + kRing * ux, centre.y + kRing * uy};
    // From the person's circle's edge to the family's, leaving room for the arrowheads.
    const Point from{node.x - (kNodeR + 4) * ux, node.y - (kNodeR + 4) * uy};
    const Point to{centre.x + (kCentreR + 4) * ux, centre.y + (kCentreR + 4) * uy};
    Line line;
    switch (ties[i].tie) {
      case TieQuality::strong:
        line.points = point_text(from) + " " + point_text(to);
        line.width = 4;
        break;
      case TieQuality::tenuous:
        line.points = point_text(from) + " " + point_text(to);
        line.dasharray = "8 6";
        break;
      case TieQuality::stressful:
        line.points = zig_zag(from, to);
        break;
    }
    line.arrow_to_family =
        ties[i].flow == SupportFlow::to_family || ties[i].flow == SupportFlow::both;
    line.arrow_to_person =
        ties[i].flow == SupportFlow::from_family || ties[i].flow == SupportFlow::both;
    d.lines.push_back(std::move(line));
    d.nodes.push_back({static_cast<int>(std::lround(node.x)), static_cast<int>(std::lround(node.y)),
                       short_label(ties[i].name)});
  }
  return d;
}

}  // namespace sgwrs::http::eco_map
