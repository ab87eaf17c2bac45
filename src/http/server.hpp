#pragma once
// The HTTP/1.1 listener on Boost.Beast: a thread pool sized to the cores, keep-alive, a
// timeout and size limits on every read, an access log, and a graceful stop that lets
// requests already being handled finish.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "http/types.hpp"

namespace sgwrs::http {

// What the server calls; App implements it. Never throws.
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // `route` receives the matched pattern for the access log (never the raw path).
  virtual Response handle(Request&& req, const std::string& address, std::string& route) = 0;
  // A response for a request that could not be read (400, 408, 413, 431).
  virtual Response reject(bhttp::status s, unsigned version) = 0;
};

struct ServerConfig {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 0;  // 0: twice the cores, as handlers may block on the database
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  // Uploads (targets starting with upload_prefix) may be larger; the limit is chosen once
  // the request line has been read, before any of the body is.
  std::string upload_prefix = "/analysis/import";
  std::size_t upload_body_limit = 48 * 1024 * 1024;
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
