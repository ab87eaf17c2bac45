#include "http/core/server.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include "http/core/response.hpp"

namespace sgwrs::http {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

struct Server::Impl {
  ServerConfig cfg;
  RequestHandler& handler;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  net::signal_set signals{ioc, SIGINT, SIGTERM};
  net::steady_timer drain_timer{ioc};
  net::steady_timer accept_retry{ioc};
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::atomic<int> connections{0};
  std::atomic<int> large_bodies{0};
  std::chrono::steady_clock::time_point drain_deadline;
  // A connection accepted just before the stop may not have sent its header yet; a short
  // grace lets it be read and counted before an empty count ends the server.
  std::chrono::steady_clock::time_point drain_grace;

  Impl(ServerConfig c, RequestHandler& h) : cfg(std::move(c)), handler(h) {}

  void accept();
  void begin_stop();
  void drain();
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& s, Server::Impl& srv)
      : stream_(std::move(s)), read_timer_(stream_.get_executor()), srv_(srv) {
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    address_ = ec ? "unknown" : ep.address().to_string();
    over_capacity_ = ++srv_.connections > srv_.cfg.max_connections;
  }
  ~Session() {
    release_large_body();
    --srv_.connections;
  }

  void start() {
    if (over_capacity_) {
      // Too many connections open: say so and close, instead of holding another socket.
      return net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        self->reject(bhttp::status::service_unavailable);
      });
    }
    // A connection accepted while stopping was already waiting when the stop came: its
    // request counts as in flight from now, so the shutdown waits for it.
    if (srv_.stopping) {
      ++srv_.in_flight;
      counted_ = true;
    }
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::read, shared_from_this()));
  }

 private:
  void read() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(srv_.cfg.header_limit));
    // The largest body any route takes; the route's own limit is applied once the request
    // line is known (Beast checks a declared Content-Length while it parses the header).
    parser_->body_limit(srv_.cfg.max_body_limit);
    // The read deadline is our own timer, not the stream's: the stream's closes the socket
    // when it fires, and a client that sent half a request is owed a 408 on that socket.
    stream_.expires_never();
    timed_out_ = false;
    const auto generation = ++read_generation_;
    read_timer_.expires_after(srv_.cfg.read_timeout);
    read_timer_.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
      if (ec || generation != self->read_generation_) return;  // that read already finished
      self->timed_out_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t n) {
          if (ec) return self->on_read(ec, n);
          // From here the request counts as in flight, so a shutdown
          // waits for its body and its answer.
          if (!std::exchange(self->counted_, true)) ++self->srv_.in_flight;
          const Admission a = self->srv_.handler.admit(self->parser_->get());
          if (a.refuse) return self->end_unread(*a.refuse);
          const auto limit = std::min(a.body_limit, self->srv_.cfg.max_body_limit);
          self->parser_->body_limit(limit);
          if (auto n = self->parser_->content_length(); n && *n > limit)
            return self->on_read(bhttp::error::body_limit, 0);
          if (a.large && !self->hold_large_body())
            return self->end_unread(bhttp::status::service_unavailable);
          if (self->parser_->is_done()) return self->on_read(ec, n);
          bhttp::async_read(self->stream_, self->buffer_, *self->parser_,
                            beast::bind_front_handler(&Session::on_read, self));
        });
  }

  void on_read(beast::error_code ec, std::size_t) {
    ++read_generation_;
    read_timer_.cancel();
    const bool was_counted = std::exchange(counted_, false);
    // An error ends this request: answer or close first, then stop counting it, so the
    // count never drops to zero while something is still owed.
    auto end_with = [&](auto&& finish) {
      finish();
      if (was_counted) --srv_.in_flight;
    };
    if (timed_out_) {
      // A half-sent request gets an answer; an idle keep-alive connection is just closed.
      if (parser_->got_some()) return end_with([&] { reject(bhttp::status::request_timeout); });
      return end_with([&] { close(); });
    }
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted ||
        ec == net::error::connection_reset || ec == net::error::eof)
      return end_with([&] { close(); });
    if (ec == bhttp::error::header_limit)
      return end_with([&] { reject(bhttp::status::request_header_fields_too_large); });
    if (ec == bhttp::error::body_limit)
      return end_with([&] { reject(bhttp::status::payload_too_large); });
    if (ec) return end_with([&] { reject(bhttp::status::bad_request); });

    if (!was_counted) ++srv_.in_flight;
    const auto started = std::chrono::steady_clock::now();
    auto req = parser_->release();
    const auto method = std::string(req.method_string());
    std::string route;
    Response res = srv_.handler.handle(std::move(req), address_, route);
    release_large_body();  // the request and its body are gone
    if (srv_.stopping) res.keep_alive(false);
    if (srv_.cfg.access_log) {
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      spdlog::info("{} {} {} {:.1f}ms", method, route.empty() ? "-" : route, res.result_int(), ms);
    }
    write(std::move(res), true);
  }

  void reject(bhttp::status s) {
    ++srv_.in_flight;
    Response res = srv_.handler.reject(s, 11);
    res.keep_alive(false);
    if (srv_.cfg.access_log) spdlog::info("- (unreadable request) {} -", res.result_int());
    write(std::move(res), true);
  }

  // A request refused from its header: answered without reading its body, then closed.
  void end_unread(bhttp::status s) {
    ++read_generation_;
    read_timer_.cancel();
    if (std::exchange(counted_, false)) --srv_.in_flight;
    reject(s);
  }

  bool hold_large_body() {
    if (++srv_.large_bodies > srv_.cfg.max_large_bodies) {
      --srv_.large_bodies;
      return false;
    }
    holds_large_body_ = true;
    return true;
  }
  void release_large_body() {
    if (std::exchange(holds_large_body_, false)) --srv_.large_bodies;
  }

  void write(Response&& res, bool counted) {
    // The last line of defence for every header the server sends: a control character would
    // let a value end its line and start a header of its own (response splitting).
    if (auto bad = unsafe_header(res)) {
      spdlog::error("refused to send a response whose {} header holds a control character", *bad);
      const bool keep = res.keep_alive();
      res = srv_.handler.reject(bhttp::status::internal_server_error, res.version());
      res.keep_alive(keep);
    }
    auto sp = std::make_shared<Response>(std::move(res));
    const bool keep = sp->keep_alive();
    stream_.expires_after(srv_.cfg.read_timeout);
    bhttp::async_write(
        stream_, *sp,
        [self = shared_from_this(), sp, keep, counted](beast::error_code ec, std::size_t) {
          if (counted) --self->srv_.in_flight;
          if (ec || !keep || self->srv_.stopping) return self->close();
          self->read();
        });
  }

  // Half-closes, then reads and discards what the client is still sending for a moment
  // before the socket goes. Closing with unread bytes makes the kernel send a reset, which can
  // destroy the answer before the client reads it (a 413 for an upload that is too large
  // would reach the browser as a broken connection).
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec || srv_.stopping) return;
    stream_.expires_after(kLingerAfterClose);
    drain();
  }

  void drain() {
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (!ec) self->drain();  // until end of stream or the deadline
                            });
  }

  static constexpr std::chrono::milliseconds kLingerAfterClose{500};
  std::array<char, 16 * 1024> drain_buffer_;

  beast::tcp_stream stream_;
  net::steady_timer read_timer_;
  std::uint64_t read_generation_ = 0;
  bool timed_out_ = false;
  bool counted_ = false;  // this request's header arrived and it counts as in flight
  bool over_capacity_ = false;
  bool holds_large_body_ = false;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& srv_;
  std::string address_;
};

}  // namespace

void Server::Impl::accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket s) {
    if (!ec) std::make_shared<Session>(std::move(s), *this)->start();
    if (stopping) return;
    if (!ec) return accept();
    // Out of file descriptors and the like: pause instead of spinning on the error.
    spdlog::warn("cannot accept a connection: {}; trying again shortly", ec.message());
    accept_retry.expires_after(std::chrono::milliseconds(100));
    accept_retry.async_wait([this](beast::error_code) {
      if (!stopping) accept();
    });
  });
}

void Server::Impl::begin_stop() {
  if (stopping.exchange(true)) return;
  spdlog::info("stopping: no new connections; finishing {} request(s) in progress",
               in_flight.load());
  beast::error_code ec;
  // Connections the kernel has already accepted are taken and answered, not reset.
  acceptor.non_blocking(true, ec);
  while (!ec) {
    tcp::socket s(net::make_strand(ioc));
    acceptor.accept(s, ec);
    if (!ec) std::make_shared<Session>(std::move(s), *this)->start();
  }
  acceptor.close(ec);
  accept_retry.cancel();
  signals.cancel(ec);
  drain_deadline = std::chrono::steady_clock::now() + cfg.drain_timeout;
  drain_grace = std::chrono::steady_clock::now() + std::chrono::milliseconds(250);
  drain();
}

void Server::Impl::drain() {
  const auto now = std::chrono::steady_clock::now();
  if ((in_flight == 0 && now >= drain_grace) || now > drain_deadline) {
    ioc.stop();
    return;
  }
  drain_timer.expires_after(std::chrono::milliseconds(20));
  drain_timer.async_wait([this](beast::error_code) { drain(); });
}

Server::Server(ServerConfig cfg, RequestHandler& handler)
    : impl_(std::make_unique<Impl>(std::move(cfg), handler)) {}

Server::~Server() = default;

unsigned short Server::start() {
  auto& a = impl_->acceptor;
  const tcp::endpoint ep{net::ip::make_address(impl_->cfg.address), impl_->cfg.port};
  a.open(ep.protocol());
  a.set_option(net::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(net::socket_base::max_listen_connections);
  impl_->accept();
  return a.local_endpoint().port();
}

void Server::run(bool handle_signals) {
  if (handle_signals)
    impl_->signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) impl_->begin_stop();
    });
  int n = impl_->cfg.threads;
  if (n <= 0) n = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()) * 2);
  std::vector<std::thread> pool;
  for (int i = 1; i < n; ++i) pool.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : pool) t.join();
}

void Server::stop() {
  net::post(impl_->ioc, [this] { impl_->begin_stop(); });
}

}  // namespace sgwrs::http
