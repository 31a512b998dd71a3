//! What happens if the widget ever panics: the panic is logged, a banner in
//! both languages says so, and nothing the user typed is lost (the text is
//! saved on every change and stays in the editor). The banner is built with
//! plain DOM calls, since the reactive runtime may be what failed.

use wasm_bindgen::JsCast;

/// Installs the hook; call before anything else.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_banner();
    }));
}

fn show_crash_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("crash-banner").is_some() {
        return;
    }
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_id("crash-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-role", "crash-banner");
    for (lang, dir, text) in [
        ("ar", "rtl", "حدث خطأ غير متوقع وتوقف التحليل. نصك محفوظ في هذا المتصفح: أعد تحميل الصفحة للمتابعة."),
        ("en", "ltr", "An unexpected error stopped the analysis. Your text is saved in this browser: reload the page to continue."),
    ] {
        if let Ok(line) = document.create_element("p") {
            let _ = line.set_attribute("lang", lang);
            let _ = line.set_attribute("dir", dir);
            line.set_text_content(Some(text));
            let _ = banner.append_child(&line);
        }
    }
    if let Some(body) = document.body() {
        let first = body.first_child();
        let _ = body.insert_before(banner.unchecked_ref(), first.as_ref());
    }
}

/// `?selftest=panic` panics on purpose after mounting, so that embedders and
/// the browser tests can see the error path work.
pub fn run_self_test_if_asked() {
    let asked = web_sys::window().and_then(|w| w.location().search().ok()).is_some_and(|q| q.contains("selftest=panic"));
    if asked {
        panic!("self-test panic requested by ?selftest=panic");
    }
}
