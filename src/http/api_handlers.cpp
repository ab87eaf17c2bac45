namespace sgwrs::http { class Router; class App; void register_api_routes(Router&, App&) {} }
