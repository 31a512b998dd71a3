//! Actor cases written for this project (not taken from the seed articles):
//! each pattern family, each merge rule, and the traps that must not become
//! actors. A case names the text and what the matrix must (or must not) hold.

use stance_engine::{analyze, ActorKind, ActorRow, Document, StanceMatrix};

fn run(texts: &[&str]) -> StanceMatrix {
    let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), *t)).collect();
    analyze(&docs)
}

/// The row whose name or an alias contains `needle` (normalized loosely: exact substring).
fn row<'a>(m: &'a StanceMatrix, needle: &str) -> Option<&'a ActorRow> {
    m.actors.iter().find(|a| a.name.contains(needle) || a.aliases.iter().any(|x| x.contains(needle)))
}

macro_rules! has_actor {
    ($($name:ident: $text:expr => $needle:expr;)*) => {$(
        #[test]
        fn $name() {
            let m = run(&[$text]);
            let names: Vec<&str> = m.actors.iter().map(|a| a.name.as_str()).collect();
            assert!(row(&m, $needle).is_some(), "no actor {:?} in {:?}", $needle, names);
        }
    )*};
}

macro_rules! no_actor {
    ($($name:ident: $text:expr => $needle:expr;)*) => {$(
        #[test]
        fn $name() {
            let m = run(&[$text]);
            let names: Vec<&str> = m.actors.iter().map(|a| a.name.as_str()).collect();
            assert!(row(&m, $needle).is_none(), "unexpected actor {:?} in {:?}", $needle, names);
        }
    )*};
}

macro_rules! kind_of {
    ($($name:ident: $text:expr => $needle:expr, $kind:expr;)*) => {$(
        #[test]
        fn $name() {
            let m = run(&[$text]);
            let r = row(&m, $needle).unwrap_or_else(|| panic!("no actor {:?}", $needle));
            assert_eq!(r.kind, $kind);
        }
    )*};
}

// --- gazetteer names, spelling variants, clitics and diacritics
has_actor! {
    gazetteer_state_by_capital: "وقالت طهران إن الاتفاق قائم." => "إيران";
    gazetteer_variant_spelling: "وأكدت الإدارة الأميركية أن الحوار مستمر." => "الولايات المتحدة";
    gazetteer_pentagon_variant: "وقال البنتاجون في بيان إن الزيارة مهمة." => "البنتاغون";
    gazetteer_with_diacritics: "وقالَ البرلمانُ العراقيُّ إنّ الجلسة انتهت." => "مجلس النواب العراقي";
    gazetteer_with_tatweel: "وأعلنت الحكـــومة العراقية موعد الجلسة." => "الحكومة العراقية";
    gazetteer_with_clitic_fa: "فأكد الكونغرس أن التصويت سيجري." => "الكونغرس";
    gazetteer_armed_group: "وقالت كتائب حزب الله في بيان إن الهدنة انتهت." => "كتائب حزب الله";
    gazetteer_armed_group_variant: "وأعلنت عصائب أهل الحق موقفها." => "عصائب أهل الحق";
    gazetteer_community: "ويرى الأكراد أن الإقليم يحتاج إلى دعم." => "الأكراد";
    gazetteer_organization: "وقال حلف الناتو إن بعثته مستمرة." => "حلف شمال الأطلسي";
    gazetteer_persian_ya: "وقالت ایران إن موقفها ثابت." => "إيران";
}

// --- pattern mentions: title + name, rank + name, anonymous sources, collectives, organizations
has_actor! {
    title_and_name: "وقال وزير الدفاع العراقي ثابت العباسي إن الجيش جاهز." => "ثابت العباسي";
    spokesman_with_rank_and_name: "وقال المتحدث باسم وزارة الداخلية العميد مقداد ميري إن الوضع مستقر." => "مقداد ميري";
    expert_with_name: "ويقول المحلل السياسي غازي فيصل إن المفاوضات معقدة." => "غازي فيصل";
    researcher_at_center: "وقال الباحث في مركز الدراسات الاستراتيجية كمال سعيد إن الأمر معقد." => "كمال سعيد";
    anonymous_official: "وقال مسؤول أمريكي رفيع إن القرار لم يتخذ بعد." => "مسؤول أمريكي رفيع";
    anonymous_sources: "وقالت مصادر مطلعة إن الوفد سيصل غدا." => "مصادر مطلعة";
    official_in_office: "وقال مسؤول في وزارة الخارجية الإيرانية إن الرسالة وصلت." => "مسؤول في وزارة الخارجية الإيرانية";
    plural_officials: "وقال مسؤولون عراقيون إن الجولة المقبلة حاسمة." => "مسؤولون عراقيون";
    collective_experts: "ويرى الخبراء أن الحوار سيطول." => "الخبراء";
    faction_with_loyalty: "وقالت الجماعات المسلحة المقربة من طهران إنها ستواصل الضغط." => "الجماعات المسلحة المقربة من طهران";
    movement_by_name: "وأعلنت حركة الوفاء الوطني تأييدها للقرار." => "حركة الوفاء الوطني";
    council_pattern: "وقال مجلس محافظة البصرة إن الميزانية تأخرت." => "مجلس محافظة البصرة";
    ministry_pattern: "وقالت وزارة التخطيط إن المشروع بدأ." => "وزارة التخطيط";
    name_before_role: "وقال سعد الحديثي، المحلل السياسي العراقي، إن المرحلة صعبة." => "سعد الحديثي";
    role_before_name: "وقال المتحدث باسم الحركة، جعفر الحسيني، إن الرد قادم." => "جعفر الحسيني";
    journalist_and_activist: "وقال علي الموسوي، صحفي وناشط سياسي، إن الشارع غاضب." => "علي الموسوي";
    quoted_name_after_rank: "وقال اللواء \"تحسين الخفاجي\" إن العمليات مستمرة." => "تحسين الخفاجي";
}

// --- merge rules
#[test]
fn factions_described_by_their_loyalty_are_the_bloc() {
    let m = run(&["وقالت الفصائل المسلحة الموالية لإيران إنها ستواصل الضغط.", "وأكدت الميليشيات الولائية أن الهدنة انتهت."]);
    let bloc = m.actors.iter().find(|a| a.id == "iran-aligned-factions").expect("the bloc");
    assert_eq!(bloc.cells.len(), 2);
}

#[test]
fn surname_refers_back_to_the_full_name() {
    let m = run(&["وقال الخبير الأمني فاضل أبو رغيف إن الوضع هادئ. وأضاف أبو رغيف أن الحذر واجب. وأكد رغيف أن الأمر مهم."]);
    let rows: Vec<&ActorRow> = m.actors.iter().filter(|a| a.name.contains("رغيف")).collect();
    assert_eq!(rows.len(), 1, "{:?}", m.actors.iter().map(|a| &a.name).collect::<Vec<_>>());
}

#[test]
fn title_met_with_a_name_is_that_persons_alias() {
    let m = run(&["وقال وزير الخارجية العراقي فؤاد حسين إن الحوار مثمر. ثم قال وزير الخارجية العراقي إن الجولة انتهت."]);
    let fuad = row(&m, "فؤاد حسين").expect("the minister is found");
    assert!(fuad.aliases.iter().any(|a| a.contains("وزير الخارجية")), "{:?}", fuad.aliases);
    assert_eq!(m.actors.iter().filter(|a| a.name.contains("وزير الخارجية")).count(), 0);
}

#[test]
fn metonym_and_full_name_are_one_row() {
    let m = run(&["وقالت واشنطن إن الحوار مفيد. وأكدت الولايات المتحدة أن الشراكة قائمة."]);
    assert_eq!(m.actors.iter().filter(|a| a.id == "us-government").count(), 1);
    assert_eq!(m.actors.len(), 1);
}

#[test]
fn same_actor_across_documents_is_one_row() {
    let m = run(&["وقالت طهران إن موقفها ثابت.", "وأكدت إيران أن الاتفاق قائم."]);
    let iran: Vec<&ActorRow> = m.actors.iter().filter(|a| a.id == "iran").collect();
    assert_eq!(iran.len(), 1);
    assert_eq!(iran[0].cells.len(), 2);
}

#[test]
fn case_endings_do_not_split_an_anonymous_group() {
    let m = run(&["وقال مسؤولون أميركيون إن الخطة جاهزة. وأكد أحد المسؤولين الأميركيين أن التنفيذ قريب."]);
    assert_eq!(m.actors.len(), 1, "{:?}", m.actors.iter().map(|a| &a.name).collect::<Vec<_>>());
}

#[test]
fn spelling_variants_of_a_pattern_actor_merge_across_documents() {
    let m = run(&["وقال مسؤول أمريكي إن الخطة جاهزة.", "وقال مسؤول أميركي إن الخطة قديمة."]);
    assert_eq!(m.actors.len(), 1);
    assert_eq!(m.actors[0].cells.len(), 2);
}

#[test]
fn a_title_in_another_article_is_not_merged_with_last_years_holder() {
    // Who "رئيس الوزراء" is depends on the article: no cross-document alias.
    let m = run(&["وقال رئيس الوزراء محمد شياع السوداني إن الحوار مستمر.", "وقال رئيس الوزراء العراقي إن الحوار انتهى."]);
    let sudani = row(&m, "السوداني").expect("named prime minister");
    assert_eq!(sudani.cells.len(), 1);
}

#[test]
fn signed_reader_comments_are_public_actors() {
    let m = run(&["مقال قصير\n\nالتعليقات\nرأيي\nمنذر الكبيسي -\n\nلا أرى فائدة من ذلك\n\nتعليق آخر\nهدى - الموصل -\n\nالأمر واضح"]);
    let signer = row(&m, "منذر الكبيسي").expect("comment signer");
    assert_eq!(signer.kind, ActorKind::Public);
    assert!(row(&m, "هدى").is_some());
}

// --- traps: places, bases, weapons, dates, events, targets
no_actor! {
    trap_time_phrase: "وقال الخبراء إن السنة الماضية شهدت هجمات." => "السنة";
    trap_embassy_is_a_place: "وسقط صاروخ قرب السفارة الأمريكية في بغداد." => "السفارة";
    trap_base_is_a_place: "واستهدف هجوم قاعدة عين الأسد الجوية." => "عين الأسد";
    trap_victim_is_not_a_holder: "وتعرض رئيس الوزراء مصطفى الكاظمي لمحاولة اغتيال." => "الكاظمي";
    trap_object_of_talks: "وبحث الوفد مع واشنطن ملف الطاقة في العاصمة." => "الطاقة";
    trap_bare_title: "وقال رئيس إن الجلسة انتهت." => "رئيس";
    trap_weapon: "وأطلقت الطائرات المسيرة على الموقع." => "الطائرات";
    trap_date_after_official: "وقال مسؤول أمريكي الأربعاء إن الضربة محدودة." => "الأربعاء";
    trap_plural_verb_as_name: "وقال مسؤولون عراقيون يعتبرون الخطة ناجحة إن الأمر محسوم." => "يعتبرون";
    trap_dateline: "بغداد -\nقال مسؤول عراقي إن الوضع مستقر." => "بغداد -";
}

// --- kinds
kind_of! {
    kind_expert: "وقال الخبير العسكري أحمد الشريفي إن الخطة واضحة." => "أحمد الشريفي", ActorKind::Expert;
    kind_armed_group: "وقالت فصائل المقاومة إن الهدنة انتهت." => "فصائل المقاومة", ActorKind::ArmedGroup;
    kind_party: "وأعلن التيار الصدري موقفه." => "التيار الصدري", ActorKind::Party;
    kind_state: "وقالت تركيا إن عملياتها مستمرة." => "تركيا", ActorKind::State;
    kind_government_body: "وقال مجلس النواب العراقي إن التصويت تأجل." => "مجلس النواب العراقي", ActorKind::GovernmentBody;
}
