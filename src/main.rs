fn main() {
    #[cfg(target_arch = "wasm32")]
    cohorte::ui::mount();
}
