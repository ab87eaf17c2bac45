#pragma once
// The HTTP/1.1 listener on Boost.Beast: a thread pool sized to the cores, keep-alive, a
// timeout and size limits on every read, an access log, and a graceful stop that lets
// requests already being handled finish.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/core/types.hpp"

namespace sgwrs::http {

// What the handler decides from a request's header alone, before any of its body is read.
struct Admission {
  std::size_t body_limit = 0;  // the most body this request may send
  // A large body counts against ServerConfig::max_large_bodies while it is read and handled.
  bool large = false;
  // Answer at once with this status, reading no body (refused framing, a cross-site write).
  std::optional<bhttp::status> refuse;
};

// What the server calls; App implements it. Never throws.
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // Called once the header has arrived: who may send how much, decided before the body is
  // read, so that nobody unidentified can make the server hold a large body.
  virtual Admission admit(const bhttp::request_header<>& head) = 0;
  // `route` receives the matched pattern for the access log (never the raw path).
  virtual Response handle(Request&& req, const std::string& address, std::string& route) = 0;
  // A response for a request that could not be read or was not admitted (400, 403, 408,
  // 413, 431, 503).
  virtual Response reject(bhttp::status s, unsigned version) = 0;
};

struct ServerConfig {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 0;  // 0: twice the cores, as handlers may block on the database
  std::size_t header_limit = 16 * 1024;
  // The largest body any request may declare; RequestHandler::admit sets each request's own.
  std::size_t max_body_limit = 48 * 1024 * 1024;
  // Open connections at once; the next is answered 503 and closed.
  int max_connections = 512;
  // Large bodies (see Admission::large) being read or handled at once; the next is 503.
  int max_large_bodies = 2;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds drain_timeout{20};
  bool access_log = true;
};

class Server {
 public:
  Server(ServerConfig cfg, RequestHandler& handler);
  ~Server();
  // Binds and starts listening; returns the bound port (useful with port 0).
  unsigned short start();
  // Runs until stop() or SIGINT/SIGTERM, then drains in-flight requests.
  void run(bool handle_signals = true);
  void stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace sgwrs::http
