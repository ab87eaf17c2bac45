#pragma once
// What a service's header may know of the store: that there is a database and a connection
// to hold by reference. Every other store type stays in the services' .cpp files, so the
// layers above (http, web), which include these headers, cannot reach one.
namespace sgwrs::store {
class Db;
class Conn;
}  // namespace sgwrs::store
