// Build script for the napi-rs binding: sets the platform link arguments Node addons need.
fn main() {
    napi_build::setup();
}
