//! Every word of the interface, in Arabic and in English.
//!
//! Components never hold a literal user-facing string: they ask [`Lang::words`]
//! for one, so switching the language changes every label, message and
//! `aria-label` at once, and a missing translation is a compile error.

use stance_engine::{ActorKind, Overall, Stance};

pub mod reading;

use crate::browser::FileProblem;
use crate::share::{LinkProblem, MAX_LINK_CHARS, MAX_LINK_SESSION_BYTES};

pub mod newsroom;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Arabic, right to left (the default).
    Ar,
    /// English, left to right.
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and the session file.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    /// Parses a tag such as `ar`, `en-GB` or `ar-IQ`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("ar") {
            Some(Lang::Ar)
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Text direction of the interface.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ar => Lang::En,
            Lang::En => Lang::Ar,
        }
    }

    /// All words of this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::Ar => &AR,
            Lang::En => &EN,
        }
    }

    /// A stance's label.
    pub fn stance(self, stance: Stance) -> &'static str {
        let w = self.words();
        match stance {
            Stance::For => w.stance_for,
            Stance::Against => w.stance_against,
            Stance::Conditional => w.stance_conditional,
            Stance::None => w.stance_none,
        }
    }

    /// An overall position's label.
    pub fn overall(self, overall: Overall) -> &'static str {
        match overall {
            Overall::For => self.stance(Stance::For),
            Overall::Against => self.stance(Stance::Against),
            Overall::Conditional => self.stance(Stance::Conditional),
            Overall::None => self.stance(Stance::None),
            Overall::Mixed => self.words().stance_mixed,
        }
    }

    /// The label of a contract stance or overall label (`for` … `mixed`).
    pub fn label_of(self, label: &str) -> &'static str {
        match label {
            "for" => self.stance(Stance::For),
            "against" => self.stance(Stance::Against),
            "conditional" => self.stance(Stance::Conditional),
            "mixed" => self.words().stance_mixed,
            _ => self.stance(Stance::None),
        }
    }

    /// An actor kind's label (plural, as a group heading).
    pub fn kind(self, kind: ActorKind) -> &'static str {
        let ar = matches!(self, Lang::Ar);
        match kind {
            ActorKind::Person => {
                if ar {
                    "أشخاص"
                } else {
                    "People"
                }
            }
            ActorKind::State => {
                if ar {
                    "دول"
                } else {
                    "States"
                }
            }
            ActorKind::GovernmentBody => {
                if ar {
                    "هيئات حكومية"
                } else {
                    "Government bodies"
                }
            }
            ActorKind::ArmedGroup => {
                if ar {
                    "جماعات مسلحة"
                } else {
                    "Armed groups"
                }
            }
            ActorKind::Party => {
                if ar {
                    "أحزاب وكتل"
                } else {
                    "Parties and blocs"
                }
            }
            ActorKind::Organization => {
                if ar {
                    "منظمات"
                } else {
                    "Organizations"
                }
            }
            ActorKind::Expert => {
                if ar {
                    "خبراء"
                } else {
                    "Experts"
                }
            }
            ActorKind::Media => {
                if ar {
                    "وسائل إعلام"
                } else {
                    "Media"
                }
            }
            ActorKind::Public => {
                if ar {
                    "الجمهور"
                } else {
                    "The public"
                }
            }
            ActorKind::Other => {
                if ar {
                    "جماعات أخرى"
                } else {
                    "Other groups"
                }
            }
        }
    }

    /// "Article 3".
    pub fn article_n(self, n: usize) -> String {
        match self {
            Lang::Ar => format!("المقال {n}"),
            Lang::En => format!("Article {n}"),
        }
    }

    /// A cell's accessible name: "فؤاد حسين: مشروط — المقال 2", with the
    /// editor's marks (set by hand, checked) that the eye sees as ✎ and ✓.
    pub fn cell_label(self, actor: &str, stance: &str, article: usize, edited: bool, checked: bool) -> String {
        let mark = if edited { self.words().edited_suffix } else { "" };
        let check = if checked { self.news().checked_suffix } else { "" };
        format!("{actor}: {stance}{mark} — {}{check}", self.article_n(article))
    }

    /// "Analysing 2.4 MB in the background…".
    pub fn analysing_megabytes(self, megabytes: f64) -> String {
        match self {
            Lang::Ar => format!("جارٍ تحليل {megabytes:.1} ميغابايت في الخلفية…"),
            Lang::En => format!("Analysing {megabytes:.1} MB in the background…"),
        }
    }

    /// The notice for a text too large to analyse on every keystroke.
    pub fn large_input(self, megabytes: f64) -> String {
        match self {
            Lang::Ar => format!("النصوص كبيرة ({megabytes:.1} ميغابايت)، فلا تُحلَّل مع كل ضغطة مفتاح كي تبقى الصفحة سريعة الاستجابة."),
            Lang::En => format!(
                "The texts are large ({megabytes:.1} MB), so they are not analysed on every keystroke, to keep the page responsive."
            ),
        }
    }

    /// "3 of 12 actors shown".
    pub fn rows_shown(self, shown: usize, total: usize) -> String {
        match self {
            Lang::Ar => format!("يظهر {shown} من {total} طرفاً"),
            Lang::En => format!("{shown} of {total} actors shown"),
        }
    }

    /// A file that is not plain text.
    pub fn not_text_file(self, name: &str) -> String {
        match self {
            Lang::Ar => format!("{name}: ليس ملفاً نصياً (.txt)، فلم يُضف."),
            Lang::En => format!("{name}: not a plain-text (.txt) file, so it was not added."),
        }
    }

    /// A file that could not be used, with the reason.
    pub fn file_refused(self, name: &str, why: &str) -> String {
        match self {
            Lang::Ar => format!("تعذر فتح {name}: {why}"),
            Lang::En => format!("Could not open {name}: {why}"),
        }
    }

    /// Why a file was not read.
    pub fn file_problem(self, problem: FileProblem) -> String {
        match (self, problem) {
            (Lang::Ar, FileProblem::TooLarge { max_mb }) => format!("الملف أكبر من {max_mb} ميغابايت."),
            (Lang::En, FileProblem::TooLarge { max_mb }) => format!("the file is larger than {max_mb} MB."),
            (_, FileProblem::Unreadable) => self.words().file_unreadable.to_string(),
            (_, FileProblem::NotUtf8) => self.words().file_not_utf8.to_string(),
        }
    }

    /// Why a share link was not opened, naming the check that failed.
    pub fn share_refused(self, problem: &LinkProblem) -> String {
        let max_mb = MAX_LINK_SESSION_BYTES / (1024 * 1024);
        let why = match (self, problem) {
            (Lang::Ar, LinkProblem::TooLong(n)) => format!("طوله {n} حرف، وأطول رابط يُقرأ {MAX_LINK_CHARS} حرف"),
            (Lang::En, LinkProblem::TooLong(n)) => format!("it has {n} characters; links of at most {MAX_LINK_CHARS} are read"),
            (Lang::Ar, LinkProblem::NotBase64) => "الرابط تالف: فيه محارف لا تكون في رابط مشاركة (ليس base64url)".to_string(),
            (Lang::En, LinkProblem::NotBase64) => "it is damaged: it holds characters no share link has (not base64url)".to_string(),
            (Lang::Ar, LinkProblem::NotDeflate) => "الرابط تالف أو ناقص: بياناته ليست مضغوطة بصيغة deflate".to_string(),
            (Lang::En, LinkProblem::NotDeflate) => "it is damaged or incomplete: its data is not deflate data".to_string(),
            (Lang::Ar, LinkProblem::TooLarge) => {
                format!("حجمه بعد فك الضغط يتجاوز {max_mb} ميغابايت، فأُوقف فك الضغط عند هذا الحد")
            }
            (Lang::En, LinkProblem::TooLarge) => format!("it inflates to more than {max_mb} MiB, so inflating was stopped there"),
            (Lang::Ar, LinkProblem::NotUtf8) => "ما فيه ليس نصاً بترميز UTF-8".to_string(),
            (Lang::En, LinkProblem::NotUtf8) => "it does not inflate to UTF-8 text".to_string(),
            (Lang::Ar, LinkProblem::NotASession(e)) => format!("ما فيه ليس جلسة ({e})"),
            (Lang::En, LinkProblem::NotASession(e)) => format!("it holds no session ({e})"),
        };
        match self {
            Lang::Ar => format!("لم يُفتح رابط المشاركة: {why}. عملك كما هو."),
            Lang::En => format!("The share link was not opened: {why}. Your work is unchanged."),
        }
    }

    /// An embedded page's `?origin=` that is not an origin.
    pub fn bad_origin(self, value: &str) -> String {
        match self {
            Lang::Ar => format!(
                "المعامل ‎?origin=‎ في عنوان التضمين ليس أصلاً (مثل https://cms.example): «{value}». لن تقرأ الصفحة رسائل الصفحة المضيفة ولن ترسل إليها شيئاً."
            ),
            Lang::En => format!(
                "The embed address's ?origin= is not an origin (such as https://cms.example): \"{value}\". The page reads no message from its host and sends it nothing."
            ),
        }
    }

    /// "3 articles".
    pub fn articles_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Ar, 1) => "مقال واحد".to_string(),
            (Lang::Ar, 2) => "مقالان".to_string(),
            (Lang::Ar, 3..=10) => format!("{n} مقالات"),
            (Lang::Ar, _) => format!("{n} مقالاً"),
            (Lang::En, 1) => "1 article".to_string(),
            (Lang::En, _) => format!("{n} articles"),
        }
    }

    /// The notice shown while a CLI result file is displayed.
    pub fn showing_result_file(self, name: &str) -> String {
        match self {
            Lang::Ar => format!("تُعرض نتائج الملف {name} كما حللها سطر الأوامر. الكتابة في أي مقال تعيد التحليل."),
            Lang::En => format!("Showing the results in {name} as the command line analysed them. Typing in any article analyses again."),
        }
    }
}

/// The fixed words of one language.
pub struct Words {
    pub title: &'static str,
    pub tagline: &'static str,
    pub switch_to: &'static str,
    pub switch_label: &'static str,
    pub articles: &'static str,
    pub article_name: &'static str,
    pub article_text: &'static str,
    pub placeholder: &'static str,
    pub add_article: &'static str,
    pub remove_article: &'static str,
    pub pick_files: &'static str,
    pub drop_hint: &'static str,
    pub examples: &'static str,
    pub examples_note: &'static str,
    pub clear_all: &'static str,
    pub clear_confirm: &'static str,
    pub clear_yes: &'static str,
    pub cancel: &'static str,
    pub undo: &'static str,
    pub removed_one: &'static str,
    pub cleared: &'static str,
    pub replaced: &'static str,
    pub large_preview: &'static str,
    pub budget_preview: &'static str,
    pub edit_large: &'static str,
    pub not_saved: &'static str,
    pub analysing: &'static str,
    pub analyse_now: &'static str,
    pub results: &'static str,
    pub caption: &'static str,
    pub actor: &'static str,
    pub overall: &'static str,
    pub legend: &'static str,
    pub stance_for: &'static str,
    pub stance_against: &'static str,
    pub stance_conditional: &'static str,
    pub stance_none: &'static str,
    pub stance_mixed: &'static str,
    pub absent: &'static str,
    pub edited_suffix: &'static str,
    pub edited_legend: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub filter: &'static str,
    pub filter_all: &'static str,
    pub sort: &'static str,
    pub sort_analysis: &'static str,
    pub sort_name: &'static str,
    pub sort_stance: &'static str,
    pub group_by_kind: &'static str,
    pub counts: &'static str,
    pub keyboard_hint: &'static str,
    pub empty: &'static str,
    pub no_arabic: &'static str,
    pub no_actors: &'static str,
    pub no_match: &'static str,
    pub pick_cell: &'static str,
    pub evidence: &'static str,
    pub no_evidence: &'static str,
    pub cue: &'static str,
    pub open_in_article: &'static str,
    pub corrections: &'static str,
    pub set_stance: &'static str,
    pub from_analysis: &'static str,
    pub rename: &'static str,
    pub rename_apply: &'static str,
    pub merge_into: &'static str,
    pub merge_apply: &'static str,
    pub merge_cycle: &'static str,
    pub hide_actor: &'static str,
    pub hidden_rows: &'static str,
    pub show_again: &'static str,
    pub merged_rows: &'static str,
    pub unmerge: &'static str,
    pub reset_edits: &'static str,
    pub edits_reset: &'static str,
    pub reader: &'static str,
    pub close: &'static str,
    pub export: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub export_png: &'static str,
    pub copy_table: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub export_failed: &'static str,
    pub analysis_failed: &'static str,
    pub session: &'static str,
    pub save_session: &'static str,
    pub open_session: &'static str,
    pub open_result: &'static str,
    pub session_opened: &'static str,
    pub session_refused: &'static str,
    pub file_unreadable: &'static str,
    pub file_not_utf8: &'static str,
    pub share: &'static str,
    pub share_link: &'static str,
    pub share_copied: &'static str,
    pub share_opened: &'static str,
    pub share_too_large: &'static str,
    pub embed_code: &'static str,
    pub earlier_sessions: &'static str,
    pub open_earlier: &'static str,
    pub delete_earlier: &'static str,
    pub no_earlier: &'static str,
    pub history_unavailable: &'static str,
    pub earlier_opened: &'static str,
    pub earlier_unreadable: &'static str,
    pub untitled: &'static str,
    pub stale_session: &'static str,
    pub load_theirs: &'static str,
    pub keep_mine: &'static str,
    pub reloaded_from_tab: &'static str,
    pub loaded_from_tab: &'static str,
    pub kept_mine: &'static str,
    pub storage_locked: &'static str,
}

pub static AR: Words = Words {
    title: "مصفوفة المواقف",
    tagline: "من يقف أين من انسحاب القوات الأمريكية والأجنبية من العراق؟ الصق مقالاً أو أكثر، والتحليل يجري في متصفحك وحده.",
    switch_to: "English",
    switch_label: "Switch the interface to English",
    articles: "المقالات",
    article_name: "اسم المقال",
    article_text: "نص المقال",
    placeholder: "الصق مقالاً إخبارياً بالعربية…",
    add_article: "إضافة مقال",
    remove_article: "حذف المقال",
    pick_files: "فتح ملفات نصية",
    drop_hint: "أو أفلت ملفات ‎.txt‎ هنا: كل ملف مقال.",
    examples: "تحميل الأمثلة",
    examples_note: "مقالات توضيحية كتبها فريق الأداة، وليست أخباراً حقيقية.",
    clear_all: "مسح الكل",
    clear_confirm: "هل تريد مسح كل المقالات والتصحيحات؟ يمكنك التراجع بعد ذلك.",
    clear_yes: "نعم، امسح",
    cancel: "إلغاء",
    undo: "تراجع",
    removed_one: "حُذف مقال.",
    cleared: "مُسحت المقالات والتصحيحات.",
    replaced: "استُبدلت المقالات السابقة.",
    large_preview: "مقال كبير: يُعرض جزء منه فقط كي تبقى الصفحة سريعة.",
    budget_preview: "المقالات المفتوحة كبيرة معاً: يُعرض جزء من هذا المقال فقط كي تبقى الصفحة سريعة، وهو محفوظ كاملاً ويُحلَّل كاملاً.",
    edit_large: "تحرير النص كاملاً",
    not_saved: "تعذر حفظ العمل في تخزين هذا المتصفح (قد يكون ممتلئاً أو معطلاً). احفظ الجلسة في ملف قبل إغلاق الصفحة.",
    analysing: "جارٍ التحليل…",
    analyse_now: "حلّل الآن",
    results: "المواقف",
    caption: "مواقف الأطراف من انسحاب القوات، لكل مقال",
    actor: "الطرف",
    overall: "الإجمالي",
    legend: "دليل الألوان",
    stance_for: "مع الانسحاب",
    stance_against: "ضد الانسحاب",
    stance_conditional: "مشروط",
    stance_none: "بلا موقف",
    stance_mixed: "متباين",
    absent: "لم يُذكر",
    edited_suffix: " (مُصحَّح)",
    edited_legend: "✎ صُحّح يدوياً",
    search: "بحث عن طرف",
    search_placeholder: "اسم بالعربية أو الإنجليزية",
    filter: "الموقف",
    filter_all: "كل المواقف",
    sort: "الترتيب",
    sort_analysis: "حسب الظهور",
    sort_name: "حسب الاسم",
    sort_stance: "حسب الموقف",
    group_by_kind: "تجميع حسب النوع",
    counts: "عدد الأطراف حسب الموقف الإجمالي",
    keyboard_hint: "تنقّل بين الخلايا بالأسهم، واضغط Enter لعرض الأدلة.",
    empty: "لا نص بعد. الصق مقالاً أو حمّل الأمثلة لتظهر المواقف.",
    no_arabic: "لم يُعثر على نص عربي. هذه الأداة تحلل المقالات الإخبارية المكتوبة بالعربية.",
    no_actors: "لم يُعثر على أطراف منسوب إليها كلام أو موقف في هذه النصوص.",
    no_match: "لا طرف يطابق البحث أو المرشح.",
    pick_cell: "اختر خلية لترى الجمل التي بُني عليها الموقف.",
    evidence: "الأدلة",
    no_evidence: "لا جمل منسوبة تحمل موقفاً.",
    cue: "الإشارة",
    open_in_article: "اعرضها في المقال",
    corrections: "تصحيح",
    set_stance: "موقف هذه الخلية",
    from_analysis: "كما حللته الأداة",
    rename: "اسم الطرف",
    rename_apply: "غيّر الاسم",
    merge_into: "دمج في طرف آخر",
    merge_apply: "ادمج",
    merge_cycle: "لا يمكن دمج طرف في نفسه.",
    hide_actor: "إخفاء هذا الطرف",
    hidden_rows: "أطراف مخفية",
    show_again: "أظهر",
    merged_rows: "أطراف مدموجة",
    unmerge: "افصل",
    reset_edits: "إلغاء كل التصحيحات",
    edits_reset: "أُلغيت كل التصحيحات.",
    reader: "المقال",
    close: "إغلاق",
    export: "تصدير",
    export_csv: "CSV",
    export_json: "JSON",
    export_png: "صورة PNG",
    copy_table: "نسخ كجدول",
    copied: "نُسخ الجدول: الصقه في مستند أو جدول بيانات.",
    copy_failed: "تعذر النسخ إلى الحافظة في هذا المتصفح.",
    export_failed: "تعذر التصدير في هذا المتصفح.",
    analysis_failed: "تعذر تشغيل التحليل في هذا المتصفح (لم يبدأ عامل التحليل).",
    session: "الجلسة",
    save_session: "حفظ الجلسة في ملف",
    open_session: "فتح جلسة",
    open_result: "فتح ملف نتائج (JSON)",
    session_opened: "فُتحت الجلسة.",
    session_refused: "لم تُفتح الجلسة، وبقي عملك كما هو",
    file_unreadable: "تعذرت قراءة الملف.",
    file_not_utf8: "الملف ليس نصاً بترميز UTF-8. احفظه بترميز UTF-8 ثم أعد المحاولة.",
    share: "مشاركة",
    share_link: "نسخ رابط المشاركة",
    share_copied: "نُسخ الرابط. يحمل المقالات والتصحيحات كلها، ولا يمر بأي خادم.",
    share_opened: "فُتحت الجلسة من رابط المشاركة.",
    share_too_large: "الجلسة أكبر من أن يحملها رابط. احفظها في ملف وأرسل الملف.",
    embed_code: "نسخ كود التضمين",
    earlier_sessions: "جلسات سابقة",
    open_earlier: "افتحها",
    delete_earlier: "احذفها",
    no_earlier: "لا جلسات سابقة بعد. كل جلسة تحل محلها أخرى (رابط أو ملف أو أمثلة أو مسح) تُحفظ هنا.",
    history_unavailable: "لا يحفظ هذا المتصفح جلسات سابقة (IndexedDB غير متاح).",
    earlier_opened: "فُتحت جلسة سابقة، وحُفظت الجلسة التي كانت مفتوحة بين الجلسات السابقة.",
    earlier_unreadable: "تعذرت قراءة هذه الجلسة.",
    untitled: "بلا عنوان",
    stale_session: "تغيّرت هذه الجلسة في تبويب آخر. لن يحفظ هذا التبويب شيئاً كي لا يكتب فوق ذلك العمل، إلى أن تختار:",
    load_theirs: "اعرض نسخة التبويب الآخر",
    keep_mine: "احتفظ بنسخة هذا التبويب",
    reloaded_from_tab: "تغيّرت هذه الجلسة في تبويب آخر، وهذا التبويب يعرض الآن النسخة الأحدث.",
    loaded_from_tab: "يعرض هذا التبويب الآن نسخة التبويب الآخر، وحُفظت نسخته بين الجلسات السابقة.",
    kept_mine: "حُفظت نسخة هذا التبويب، ونسخة التبويب الآخر محفوظة بين الجلسات السابقة.",
    storage_locked: "تعذرت قراءة جلسة محفوظة في هذا المتصفح، ولا مكان لنسخها جانباً، فلن يكتب هذا التبويب فوقها. احفظ عملك في ملف.",
};

pub static EN: Words = Words {
    title: "Stance matrix",
    tagline: "Who stands where on the withdrawal of US and foreign forces from Iraq? Paste one or more Arabic articles; the analysis runs in your browser alone.",
    switch_to: "العربية",
    switch_label: "حوّل الواجهة إلى العربية",
    articles: "Articles",
    article_name: "Article name",
    article_text: "Article text",
    placeholder: "Paste an Arabic news article…",
    add_article: "Add article",
    remove_article: "Remove article",
    pick_files: "Open text files",
    drop_hint: "or drop .txt files here: each file is an article.",
    examples: "Load the examples",
    examples_note: "Illustrative articles written by the tool's team, not real news.",
    clear_all: "Clear all",
    clear_confirm: "Clear all articles and corrections? You can undo it afterwards.",
    clear_yes: "Yes, clear",
    cancel: "Cancel",
    undo: "Undo",
    removed_one: "An article was removed.",
    cleared: "Articles and corrections were cleared.",
    replaced: "The previous articles were replaced.",
    large_preview: "Large article: only its beginning is shown, to keep the page fast.",
    budget_preview: "The open articles are large together: only this one's beginning is shown, to keep the page fast. It is kept and analysed whole.",
    edit_large: "Edit the whole text",
    not_saved: "Your work could not be saved in this browser's storage (it may be full or disabled). Save the session to a file before closing the page.",
    analysing: "Analysing…",
    analyse_now: "Analyse now",
    results: "Stances",
    caption: "Each actor's stance on the withdrawal of forces, per article",
    actor: "Actor",
    overall: "Overall",
    legend: "Colour key",
    stance_for: "For withdrawal",
    stance_against: "Against withdrawal",
    stance_conditional: "Conditional",
    stance_none: "No stance",
    stance_mixed: "Mixed",
    absent: "Not mentioned",
    edited_suffix: " (corrected)",
    edited_legend: "✎ corrected by hand",
    search: "Find an actor",
    search_placeholder: "Name in Arabic or English",
    filter: "Stance",
    filter_all: "All stances",
    sort: "Order",
    sort_analysis: "As found",
    sort_name: "By name",
    sort_stance: "By stance",
    group_by_kind: "Group by kind",
    counts: "Actors by overall stance",
    keyboard_hint: "Move between cells with the arrow keys; press Enter to see the evidence.",
    empty: "No text yet. Paste an article or load the examples to see the stances.",
    no_arabic: "No Arabic text was found. This tool analyses news articles written in Arabic.",
    no_actors: "No actor with an attributed statement or position was found in these texts.",
    no_match: "No actor matches the search or the filter.",
    pick_cell: "Choose a cell to see the sentences behind its stance.",
    evidence: "Evidence",
    no_evidence: "No attributed sentence carries a position.",
    cue: "cue",
    open_in_article: "Show in the article",
    corrections: "Correct",
    set_stance: "This cell's stance",
    from_analysis: "As analysed",
    rename: "Actor name",
    rename_apply: "Rename",
    merge_into: "Merge into another actor",
    merge_apply: "Merge",
    merge_cycle: "An actor cannot be merged into itself.",
    hide_actor: "Hide this actor",
    hidden_rows: "Hidden actors",
    show_again: "Show",
    merged_rows: "Merged actors",
    unmerge: "Separate",
    reset_edits: "Undo all corrections",
    edits_reset: "All corrections were removed.",
    reader: "Article",
    close: "Close",
    export: "Export",
    export_csv: "CSV",
    export_json: "JSON",
    export_png: "PNG image",
    copy_table: "Copy as table",
    copied: "Table copied: paste it into a document or a spreadsheet.",
    copy_failed: "Copying to the clipboard failed in this browser.",
    export_failed: "Export failed in this browser.",
    analysis_failed: "The analysis could not run in this browser (its worker did not start).",
    session: "Session",
    save_session: "Save session to a file",
    open_session: "Open a session",
    open_result: "Open a result file (JSON)",
    session_opened: "The session was opened.",
    session_refused: "The session was not opened and your work is unchanged",
    file_unreadable: "the file could not be read.",
    file_not_utf8: "the file is not UTF-8 text. Save it as UTF-8 and try again.",
    share: "Share",
    share_link: "Copy share link",
    share_copied: "Link copied. It carries every article and correction and passes through no server.",
    share_opened: "The session was opened from the share link.",
    share_too_large: "The session is too large for a link. Save it to a file and send the file.",
    embed_code: "Copy embed code",
    earlier_sessions: "Earlier sessions",
    open_earlier: "Open",
    delete_earlier: "Delete",
    no_earlier: "No earlier session yet. Every session that another one replaces (a link, a file, the examples, clearing) is kept here.",
    history_unavailable: "This browser keeps no earlier sessions (IndexedDB is unavailable).",
    earlier_opened: "An earlier session was opened; the one that was open is kept among the earlier sessions.",
    earlier_unreadable: "This session could not be read.",
    untitled: "Untitled",
    stale_session: "This session changed in another tab. This tab saves nothing, so as not to write over that work, until you choose:",
    load_theirs: "Show the other tab's version",
    keep_mine: "Keep this tab's version",
    reloaded_from_tab: "This session changed in another tab; this tab now shows the newer version.",
    loaded_from_tab: "This tab now shows the other tab's version; its own is kept among the earlier sessions.",
    kept_mine: "This tab's version was saved; the other tab's is kept among the earlier sessions.",
    storage_locked: "A session stored in this browser could not be read, and there is no room to copy it aside, so this tab will not write over it. Save your work to a file.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_parse() {
        assert_eq!(Lang::from_code("ar-IQ"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn english_words_hold_no_arabic_and_arabic_words_hold_arabic() {
        let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        // The switch names the other language in its own script.
        assert!(!arabic(EN.title) && !arabic(EN.caption) && !arabic(EN.stance_for));
        assert!(arabic(AR.title) && arabic(AR.caption) && arabic(AR.stance_for));
        assert!(arabic(EN.switch_to) && !arabic(AR.switch_to));
    }

    #[test]
    fn share_refusals_name_the_check_in_both_languages() {
        let problems = [
            LinkProblem::TooLong(2_000_000),
            LinkProblem::NotBase64,
            LinkProblem::NotDeflate,
            LinkProblem::TooLarge,
            LinkProblem::NotUtf8,
            LinkProblem::NotASession("x".into()),
        ];
        let en: Vec<String> = problems.iter().map(|p| Lang::En.share_refused(p)).collect();
        let ar: Vec<String> = problems.iter().map(|p| Lang::Ar.share_refused(p)).collect();
        assert!(en[0].contains("2000000") && en[3].contains("16 MiB") && en[1].contains("damaged"));
        assert!(ar[3].contains("16 ميغابايت"));
        for (i, e) in en.iter().enumerate() {
            assert!(!e.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{e}");
            assert!(en.iter().enumerate().all(|(j, f)| i == j || e != f), "each check has its own message");
        }
    }

    #[test]
    fn cell_labels_name_actor_stance_and_article() {
        assert_eq!(Lang::Ar.cell_label("فؤاد حسين", "مشروط", 2, false, false), "فؤاد حسين: مشروط — المقال 2");
        assert_eq!(
            Lang::En.cell_label("Fuad Hussein", "Conditional", 2, true, true),
            "Fuad Hussein: Conditional (corrected) — Article 2 (checked)"
        );
    }
}
