//! Open-world speakers and the cue families added with them, one table case
//! per construction, written for this project (invented names and sentences,
//! not taken from any article): a speaker no list knows after a verb, a title
//! chain with a name, a bare name, a collective, a medium, a bloc, coordinated
//! subjects, a subject before its verb, and each new cue family. Each case
//! asserts the label of the row whose name or alias contains the needle.

use stance_engine::{analyze, Document, Stance, StanceMatrix};

fn run(text: &str) -> StanceMatrix {
    analyze(&[Document::new("d", text)])
}

fn label(text: &str, needle: &str) -> Option<Stance> {
    run(text)
        .actors
        .iter()
        .find(|a| a.name.contains(needle) || a.aliases.iter().any(|x| x.contains(needle)))
        .and_then(|a| a.cells.first())
        .map(|c| c.stance)
}

macro_rules! cases {
    ($($name:ident: $text:expr => $needle:expr, $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            let got = label($text, $needle);
            assert_eq!(got, Some($expected), "actor {:?} in {:?}: {:#?}", $needle, $text, run($text).actors.iter().map(|a| &a.name).collect::<Vec<_>>());
        }
    )*};
}

use Stance::{Against, Conditional, For, None as NoPosition};

// --- speakers that no list knows
cases! {
    title_chain_then_name: "وقال النائب عن كتلة البناء الوطني سلوان فاضل الدليمي، للصحفيين، إن على الحكومة أن تبدأ بجدولة خروج القوات الأمريكية." => "سلوان فاضل الدليمي", For;
    bare_name_after_verb: "وأكد كاوه رشيد مولود أن بقاء قوات التحالف ضمانة لأمن الإقليم." => "كاوه رشيد مولود", Against;
    rank_then_name: "وقال الشيخ عامر حمد الكبيسي إن المدينة لا تريد انسحاب القوات الأمريكية الآن." => "عامر حمد الكبيسي", Against;
    collective_subject: "وطالب شيوخ العشائر في المحافظة بعدم سحب القوات الأمريكية من القاعدة." => "شيوخ العشائر", Against;
    bloc_named_with_its_head: "ودعا تحالف النهضة الوطنية إلى إخراج القوات الأجنبية من البلاد." => "تحالف النهضة الوطنية", For;
    medium_as_source: "وذكرت صحيفة الفجر العربي أن واشنطن تريد إبقاء قواتها في العراق." => "صحيفة الفجر العربي", NoPosition;
}

// --- new cue families
cases! {
    welcome_of_withdrawal: "ورحب وزير الخارجية بإعلان انسحاب القوات الأمريكية من البلاد." => "وزير الخارجية", For;
    criticism_of_withdrawal: "وانتقد الحزب الديمقراطي الكردستاني قرار إخراج القوات الأجنبية." => "الحزب الديمقراطي الكردستاني", Against;
    vote_for_the_exit: "وصوت مجلس النواب العراقي على قرار يلزم الحكومة بإنهاء وجود القوات الأجنبية." => "مجلس النواب العراقي", For;
    presence_called_illegitimate: "وقال القيادي في الحركة ناظم علوان الربيعي إن وجود القوات الأمريكية احتلال غير شرعي." => "ناظم علوان الربيعي", For;
    objection_in_a_boycott: "وقاطع النواب الكرد الجلسة اعتراضا على إخراج قوات التحالف." => "النواب الكرد", Against;
    plain_announced_withdrawal: "وأعلن الرئيس الأمريكي أن الانسحاب من العراق سيتم في موعده." => "الرئيس الأمريكي", For;
}

/// A clause fragment after a verb is never an actor.
#[test]
fn a_clause_fragment_is_not_a_speaker() {
    let m = run("وأكد عدم الاتفاق على موعد الانسحاب.");
    assert!(m.actors.iter().all(|a| !a.name.contains("عدم")), "{:?}", m.actors.iter().map(|a| &a.name).collect::<Vec<_>>());
}

// --- title chains through institutions, ranks and foreign names
cases! {
    name_after_institution_genitive: "انسحاب القوات الأمريكية من العراق\n\nوأوضح القيادي في الجبهة الوطنية للإصلاح مروان صالح الهيتي أن الاحتلال الأمريكي يجب أن ينتهي." => "مروان صالح الهيتي", For;
    name_after_a_centre_and_its_fields: "ويرى الباحث في مركز الرؤية للدراسات والبحوث سعد كريم الجبوري أن خروج القوات الأمريكية سيكون خطأ." => "سعد كريم الجبوري", Against;
    name_after_a_bloc_known_to_the_gazetteer: "وقال القيادي في تحالف الفتح علي ناصر الحمداني إن على القوات الأجنبية أن تغادر البلاد." => "علي ناصر الحمداني", For;
    senator_as_a_rank: "واعتبر السناتور الجمهوري ديفيد كولنز أن سحب القوات الأمريكية من العراق خطأ فادح." => "ديفيد كولنز", Against;
    commander_of_the_forces: "وأكد قائد قوات التحالف الجنرال الأمريكي مارك هولندر أن القوات الأمريكية ستبقى لتقديم المشورة والتدريب." => "مارك هولندر", Conditional;
}

// --- the occupation named as the presence
cases! {
    occupation_must_end: "انسحاب القوات الأمريكية من العراق\n\nوقال المتحدث باسم الحركة صباح جاسم العامري إن الاحتلال يجب أن ينتهي." => "صباح جاسم العامري", For;
    relabelling_changes_nothing: "انسحاب القوات الأمريكية من العراق\n\nوقال القيادي في الهيئة حامد كريم الشمري إن تغيير التسمية إلى مستشارين لا يغير من حقيقة الاحتلال شيئا." => "حامد كريم الشمري", For;
    closing_the_bases: "وطالب النائب عن كتلة الوفاق رائد فليح العبيدي بغلق القواعد العسكرية الأمريكية في البلاد." => "رائد فليح العبيدي", For;
}

/// A speaker phrase before its position verb, with no verb before it.
#[test]
fn subject_before_verb() {
    let (text, needle, expected) = ("المتحدث باسم حركة الوعد يرفض انسحاب القوات الدولية.", "المتحدث باسم حركة الوعد", Against);
    assert_eq!(label(text, needle), Some(expected));
}

/// Known limit, kept runnable: a definite adjective that is not relational
/// ("الجديد") cannot yet be told from the verb's definite object.
#[test]
#[ignore = "definite non-relational adjectives end the speaker phrase; see the issue's closing note"]
fn medium_with_a_plain_adjective() {
    let (text, needle) = ("وذكرت صحيفة الفجر الجديد أن واشنطن تريد إبقاء قواتها في العراق.", "صحيفة الفجر الجديد");
    assert_eq!(label(text, needle), Some(NoPosition));
}

// --- constructions of attribution added with the open-world speakers
cases! {
    topicalized_subject: "أما النائب عن كتلة الوفاق سامر جليل الكعبي فقال إن على القوات الأمريكية أن تغادر البلاد." => "سامر جليل الكعبي", For;
    source_before_saying: "ونقلت صحيفة الرافدين عن مسؤول حكومي قوله إن بغداد ترفض انسحاب القوات الدولية الآن." => "بغداد", Against;
    participle_shares_the_subject: "وقال عضو المجلس السياسي للحركة هاني عباس الربيعي إن الهدنة هشة، داعيا الحكومة إلى إخراج القوات الأجنبية." => "هاني عباس الربيعي", For;
    subject_inside_a_reported_clause: "وأكد المتحدث أن أهالي المدينة لا يريدون رحيل القوات الأمريكية." => "أهالي المدينة", Against;
    verbal_noun_with_its_holder: "وجاء ذلك بعد تصويت مجلس النواب العراقي على إخراج القوات الأجنبية." => "مجلس النواب العراقي", For;
}

// --- cue families added with them
cases! {
    sham_withdrawal: "وقال القيادي في الحركة نبيل حسن العلي إن إعادة تسمية القوات الأمريكية خداع لا ينطلي على أحد." => "نبيل حسن العلي", For;
    threat_against_forces_that_stay: "وقال الأمين العام للحركة سالم جابر الموسوي إن المقاومة ستعود إذا بقيت القوات الأمريكية بعد الموعد." => "سالم جابر الموسوي", For;
    proviso_to_keep_forces: "وقال المتحدث باسم حكومة الإقليم كامل رشيد إن الإقليم يقبل إنهاء مهمة التحالف بشرط أن تبقى القوات الدولية في أربيل." => "كامل رشيد", Conditional;
    denied_condition: "وطالبت الهيئة الوطنية للإنقاذ برحيل القوات الأمريكية دون قيد أو شرط." => "الهيئة الوطنية للإنقاذ", For;
    refused_trainers: "وقال القيادي في الكتائب عماد حسن الساعدي: لا نريد مدربين ولا مستشارين، نريد خروج القوات الأمريكية كاملا." => "عماد حسن الساعدي", For;
    rejection_with_a_condition: "ورفض المتحدث باسم البيت الأبيض تحديد موعد للانسحاب، مؤكدا أن القوات الأمريكية ستبقى ما دامت مهمتها لم تنته." => "المتحدث باسم البيت الأبيض", Against;
    reaction_to_the_event: "أعلنت واشنطن سحب قواتها من العراق. ورحب وزير الخارجية الإيراني بالخطوة." => "وزير الخارجية الإيراني", For;
}

/// A surname that starts with ب ("بيرسون") after a title, followed by the
/// verb's object that starts with the preposition ("بقرار").
#[test]
fn foreign_surname_with_b() {
    let (text, needle) = ("ورحب النائب الديمقراطي جون بيرسون بقرار سحب القوات الأمريكية من العراق.", "جون بيرسون");
    assert_eq!(label(text, needle), Some(For));
}

// --- positions reported inside a speaker's clause
cases! {
    reported_subject_holds_the_position: "وقال رئيس الوزراء كريم ناصر الربيعي إن الحكومة لن تطلب بقاء أي قوات أمريكية بعد نهاية العام." => "الحكومة", For;
    reporting_speaker_shares_it: "وقال رئيس الوزراء كريم ناصر الربيعي إن الحكومة لن تطلب بقاء أي قوات أمريكية بعد نهاية العام." => "كريم ناصر الربيعي", For;
    a_newspaper_reports_without_holding: "وذكرت صحيفة المساء العراقية أن الحكومة ترفض انسحاب القوات الأمريكية." => "صحيفة المساء العراقية", NoPosition;
    the_street_as_a_public: "وأضاف النائب سامي حميد العبيدي أن الشارع الكردي يرفض خروج القوات الأمريكية من الإقليم." => "الشارع الكردي", Against;
    readiness_is_a_position: "وقال الباحث سالم عادل النقيب إن الإدارة الأمريكية مستعدة لسحب قواتها من العراق." => "الإدارة الأمريكية", For;
    no_objection_to_trainers_with_a_condition: "وقال النائب عن كتلة الوفاق رائد فليح العبيدي إن الكتلة لا تمانع بقاء عدد من المدربين الأمريكيين شرط موافقة البرلمان." => "رائد فليح العبيدي", Conditional;
    a_decision_named_inside_words: "وأكد الرئيس الإيراني أن طهران تنتظر تنفيذ قرار البرلمان العراقي بإخراج القوات الأمريكية." => "الرئيس الإيراني", For;
}

// --- what a cue applies to
cases! {
    threat_against_delay: "انسحاب القوات الأمريكية\n\nوقال الأمين العام للحركة جلال حسن العبادي إن المقاومة ستتحرك إذا ماطلت واشنطن في سحب قواتها." => "جلال حسن العبادي", For;
    welcome_stays_in_its_clause: "انسحاب القوات الأمريكية\n\nورحبت الحكومة السورية بالمظاهرة، معتبرة أن الوجود الأمريكي عبء يجب أن ينتهي." => "الحكومة السورية", For;
    guarantee_said_of_the_forces: "انسحاب القوات الأمريكية\n\nوقال الشيخ ماجد صالح الدليمي: لا نريد انسحاب هذه القوات، فهي الضامن لأمن المدينة." => "ماجد صالح الدليمي", Against;
    a_verb_with_its_own_object: "وقال المتحدث باسم الكتلة حسن علي الخفاجي إن الكتلة تؤيد خروج القوات الأجنبية، وترفض المزايدات الانتخابية." => "حسن علي الخفاجي", For;
    nothing_but_soldiers_in_disguise: "انسحاب القوات الأمريكية\n\nوقال النائب عن كتلة الوفاق رائد فليح العبيدي إن المستشارين ليسوا سوى جنود بزي آخر." => "رائد فليح العبيدي", For;
    troops_must_come_home: "انسحاب القوات الأمريكية\n\nوقال السيناتور الديمقراطي توماس ريتشاردز إن على جنودنا أن يبدأوا العودة إلى الوطن." => "توماس ريتشاردز", For;
    a_warning_with_the_speaker_between: "انسحاب القوات الأمريكية\n\nوحذر وزير الداخلية في الإقليم كاوه عمر من أن خروج التحالف سيعيد الفوضى." => "كاوه عمر", Against;
    armed_forces_committee_is_not_the_topic: "انسحاب القوات الأمريكية\n\nوانتقد السيناتور ريتشارد مور، عضو لجنة القوات المسلحة، الاتفاق، معتبرا أنه خطأ." => "ريتشارد مور", Against;
}

// --- threats, evaluations, verdicts on an event, hypotheses, nested saying
cases! {
    threat_if_forced_to_leave: "انسحاب القوات الأمريكية\n\nوهدد الرئيس الأمريكي بفرض عقوبات قاسية على بغداد إذا أجبرت القوات الأمريكية على المغادرة." => "الرئيس الأمريكي", Against;
    threat_against_the_forces: "انسحاب القوات الأمريكية\n\nوتوعد زعيم التيار نادر حسن الموسوي باستهداف أي قوات أمريكية تبقى في البلاد." => "نادر حسن الموسوي", For;
    does_not_serve_the_interest: "انسحاب القوات الأمريكية\n\nواعتبر الحزب الوطني الكردي أن إخراج قوات التحالف الآن لا يخدم مصلحة البلاد." => "الحزب الوطني الكردي", Against;
    verdict_of_sham_on_the_agreement: "انسحاب القوات الأمريكية من العراق\n\nووصفت حركة الفجر الاتفاق بأنه خداع." => "حركة الفجر", For;
    a_condition_in_a_hypothesis: "انسحاب القوات الأمريكية\n\nوقال وزير الدفاع الأمريكي روبرت كارتر: إذا طلبت منا الحكومة العراقية المغادرة فسنغادر." => "روبرت كارتر", Conditional;
    saying_inside_a_reported_clause: "انسحاب القوات الأمريكية\n\nأما الأمين العام للحركة سامي جابر الكعبي فرأى أن تصريحات الوزير كشفت النوايا، وأن إخراج القوات الأمريكية بات واجبا." => "سامي جابر الكعبي", For;
    readiness_with_a_proviso: "انسحاب القوات الأمريكية\n\nوأبدت الحكومة العراقية استعدادها لبقاء المدربين الأمريكيين شرط ألا يتمتعوا بالحصانة." => "الحكومة العراقية", Conditional;
}

// --- an expert's field, a demand inside a refusal, an analyst's forecast
cases! {
    a_committee_member_for_a_bloc: "انسحاب القوات الأمريكية\n\nوأوضح عضو لجنة العلاقات الخارجية النيابية عن تحالف الوفاق سعد جاسم المحمداوي أن على الحكومة جدولة خروج القوات الأجنبية." => "سعد جاسم المحمداوي", For;
    an_experts_field_is_part_of_the_title: "انسحاب القوات الأمريكية\n\nوقال الخبير في الشؤون الأمنية نبيل كاظم الزيدي إن الانسحاب المتسرع خطأ كبير." => "نبيل كاظم الزيدي", Against;
    a_refusal_of_a_demand: "انسحاب القوات الأمريكية\n\nويقول المحلل وليد سامي الجبوري إن الكتل الكردية ترفض مطالبة التيار بخروج سريع للقوات، وتخشى الفراغ." => "الكتل الكردية", Against;
    the_demand_inside_the_refusal: "انسحاب القوات الأمريكية\n\nويقول المحلل وليد سامي الجبوري إن الكتل الكردية ترفض مطالبة التيار الوطني بخروج سريع للقوات، وتخشى الفراغ." => "التيار الوطني", For;
    an_analyst_forecasts_the_forces_stay: "انسحاب القوات الأمريكية\n\nويرى الأكاديمي حميد سعدون الربيعي أن الاتفاق لا يعني انسحاب القوات، مرجحا أن يبقى أغلب الجنود في قواعدهم." => "حميد سعدون الربيعي", NoPosition;
    an_official_saying_so_takes_a_position: "انسحاب القوات الأمريكية\n\nوقال المتحدث باسم التحالف الدولي الكولونيل دانيال برايس إن الاتفاق لا يعني انسحاب القوات، مرجحا أن يبقى أغلب الجنود." => "دانيال برايس", Against;
}

// --- partial withdrawals: reductions, a change of mission, a denial of a complete exit
cases! {
    a_state_reducing_its_forces: "انسحاب القوات الأمريكية\n\nوأعلنت الحكومة البريطانية أنها ستخفض قواتها في العراق إلى خمسمئة جندي." => "الحكومة البريطانية", Conditional;
    a_reduction_that_leads_to_the_end: "انسحاب القوات الأمريكية\n\nوقال وزير الدفاع سامي فؤاد الحيالي إن الخطة تقضي بخفض تدريجي وصولا إلى إنهاء مهمة القوات الأجنبية." => "سامي فؤاد الحيالي", For;
    a_reduction_denied: "انسحاب القوات الأمريكية\n\nوقال المتحدث باسم السفارة الأمريكية روبرت هيل إن واشنطن لا تنوي تقليص عدد قواتها في العراق." => "روبرت هيل", Against;
    combat_role_over_advisers_stay: "انسحاب القوات الأمريكية\n\nوأكد قائد القوات الأسترالية الجنرال مارك ديفيس أن دور قواته القتالي انتهى، لكنها ستبقى لتقديم المشورة للقوات العراقية." => "مارك ديفيس", Conditional;
    mission_turned_into_training: "انسحاب القوات الأمريكية\n\nوقال الناطق باسم الحكومة حسن كريم العلي إن مهمة قوات التحالف تحولت إلى التدريب والمشورة." => "حسن كريم العلي", Conditional;
    not_leaving_completely: "انسحاب القوات الأمريكية\n\nوقال مسؤول في الخارجية الأمريكية إن القوات الأمريكية لن تغادر العراق بالكامل." => "مسؤول في الخارجية الأمريكية", Conditional;
    a_relative_negation_is_no_condition: "انسحاب القوات الأمريكية\n\nوكانت برلين قد طالبت بتحديد موعد لانتهاء مهمة القوات الأجنبية، وهو ما لم يتضمنه البيان." => "برلين", For;
    a_change_of_another_matter_is_no_partial_exit: "انسحاب القوات الأمريكية\n\nوقال المتحدث باسم الكتلة سالم حميد الربيعي إن الكتلة تؤيد خروج القوات الأجنبية، وترفض تحويل الملف إلى مادة انتخابية." => "سالم حميد الربيعي", For;
}

/// An enemy named after "ضد" is not the subject of the verb after it.
#[test]
fn an_enemy_after_against_is_no_speaker() {
    let m = run("انسحاب القوات الأمريكية\n\nوأعلن البنتاغون أنه سيقلص وجوده في العراق مع الاحتفاظ بقوة لدعم العمليات ضد داعش، من دون أن يكشف عن عدد الجنود الذين سيبقون.");
    assert!(m.actors.iter().all(|a| !a.name.contains("الدولة الإسلامية")), "{:?}", m.actors.iter().map(|a| &a.name).collect::<Vec<_>>());
}

// --- names spelled with ب or ل, and a negation inside a relative clause
cases! {
    given_name_and_surname_with_b_and_l: "انسحاب القوات الأمريكية\n\nوقال السفير البريطاني بول لي، في مؤتمر صحفي، إن على القوات البريطانية أن تعود إلى الوطن." => "بول لي", For;
    a_negation_inside_a_relative_clause: "انسحاب القوات الأمريكية\n\nوقال النائب الديمقراطي مارك هيوز إن الوقت حان لوقف المغامرات التي لا تنتهي وإعادة جنودنا إلى الوطن." => "مارك هيوز", For;
}

// --- collectives as subjects of a reported clause
cases! {
    the_people_in_a_reported_clause: "انسحاب القوات الأمريكية\n\nوأكد زعيم الحركة كريم عباس الساعدي أن \"الشعب العراقي لا يريد بقاء أي قوات أجنبية\"." => "الشعب العراقي", For;
    indefinite_blocs_before_a_quoted_verb: "انسحاب القوات الأمريكية\n\nوأشار النائب حميد سالم العبيدي إلى أن كتلا سنية \"ترفض تحديد موعد للانسحاب\"." => "كتلا سنية", Against;
    leaders_of_a_force_quoted_through_a_deputy: "انسحاب القوات الأمريكية\n\nونقل النائب حميد سالم العبيدي عن قيادات في الفصائل أنها ترفض أي وجود أجنبي في البلاد." => "قيادات في الفصائل", For;
}

// --- failing to keep, a negation that ends with its clause, "not before"
cases! {
    blaming_a_failure_to_keep_troops: "انسحاب القوات الأمريكية\n\nوحمل السناتور الجمهوري ريتشارد مور الإدارة مسؤولية الفشل في التوصل إلى اتفاق يبقي عددا من الجنود في العراق." => "ريتشارد مور", Against;
    a_negation_ends_with_its_clause: "انسحاب القوات الأمريكية\n\nوقال السناتور الديمقراطي توماس ريتشاردز إن هذه الحرب لا يمكن كسبها، وعلى جنودنا أن يعودوا إلى الوطن." => "توماس ريتشاردز", For;
    not_stopping_before_the_exit: "انسحاب القوات الأمريكية\n\nوقال المتحدث باسم الحركة سامر علي الدراجي إن عملياتنا لن تتوقف قبل خروج آخر جندي أجنبي." => "سامر علي الدراجي", For;
}

// --- a refusal of its own object, then a position in the next clause
cases! {
    refusing_the_agreement_then_demanding_the_exit: "انسحاب القوات الأمريكية\n\nورفضت جبهة الإنقاذ الوطني الاتفاق، وطالبت برحيل القوات الأجنبية دون قيد." => "جبهة الإنقاذ الوطني", For;
    refusing_what_it_calls_a_remedy_then_holding_to_the_exit: "انسحاب القوات الأمريكية\n\nويرفض المجلس الأعلى للعشائر ما يسميه الحلول المؤقتة، ويتمسك بانسحاب القوات الأمريكية من البلاد." => "المجلس الأعلى للعشائر", For;
    a_second_refusal_in_its_own_clause_still_counts: "انسحاب القوات الأمريكية\n\nوقال رئيس الكتلة فراس نجم الساعدي: نرفض الضغوط، ونرفض أي انسحاب متسرع للقوات الأمريكية." => "فراس نجم الساعدي", Against;
}

// --- a known institution after في whose first word is also a medium ("إطار")
cases! {
    a_member_of_a_known_institution_named_after_fi: "انسحاب القوات الأمريكية\n\nوقال عضو في الإطار التنسيقي حيدر سالم العكيلي إن على القوات الأجنبية أن تغادر البلاد." => "حيدر سالم العكيلي", For;
}

// --- a circumstantial participle describes the subject of a verb-first sentence
cases! {
    the_participle_follows_the_subject_not_the_object: "انسحاب القوات الأمريكية\n\nوالتقى الرئيس الفرنسي ميشيل دوران وزير الخارجية العراقي، مشددا على أن القوات الأجنبية يجب أن تغادر العراق." => "ميشيل دوران", For;
}

// --- what a judgement is said of is judged, not wanted
cases! {
    a_schedule_called_a_schedule_for_failure: "انسحاب القوات الأمريكية\n\nوقال الوزير جون سميث إن تحديد موعد للانسحاب هو تحديد موعد للفشل." => "جون سميث", Against;
}

// --- a reaction with a complement clause of its own is not about the event before it
cases! {
    not_allowing_something_else_is_no_position: "انسحاب القوات الأمريكية\n\nوقررت واشنطن سحب قواتها من العراق.\n\nوقال النائب سعدون خلف الجبوري: لن نسمح بأن تتحول البلاد إلى ساحة لتصفية الحسابات." => "سعدون خلف الجبوري", NoPosition;
    preferring_something_else_is_no_position: "انسحاب القوات الأمريكية\n\nوقررت واشنطن سحب قواتها من العراق.\n\nوقال المسؤول الأمريكي ديفيد كلارك إن من الأفضل أن نبقى على اطلاع بما يجري في المنطقة." => "ديفيد كلارك", NoPosition;
    welcoming_the_step_itself_still_counts: "انسحاب القوات الأمريكية\n\nوقررت واشنطن سحب قواتها من العراق.\n\nورحب النائب سعدون خلف الجبوري بالخطوة." => "سعدون خلف الجبوري", For;
}
