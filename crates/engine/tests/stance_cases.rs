//! Stance cases written for this project (not taken from the seed articles):
//! every cue family, negation scope, conditions and partial withdrawal,
//! forecasts, nested attribution and speaker carry-over. Each case asserts
//! the exact label of one actor's cell.

use stance_engine::{analyze, Document, Stance, StanceMatrix};

fn run(text: &str) -> StanceMatrix {
    analyze(&[Document::new("d", text)])
}

/// The label of the first row whose name or alias contains `needle`.
fn label(text: &str, needle: &str) -> Option<Stance> {
    let m = run(text);
    m.actors
        .iter()
        .find(|a| a.name.contains(needle) || a.aliases.iter().any(|x| x.contains(needle)))
        .and_then(|a| a.cells.first())
        .map(|c| c.stance)
}

macro_rules! stance_cases {
    ($($name:ident: $text:expr => $needle:expr, $expected:expr;)*) => {$(
        #[test]
        fn $name() {
            let got = label($text, $needle);
            assert_eq!(got, Some($expected), "actor {:?} in {:?}", $needle, $text);
        }
    )*};
}

use Stance::{Against, Conditional, For, None as NoPosition};

// --- support cues: demand, call, desire, endorse, urgency, schedule, need, implement
stance_cases! {
    demand_verb: "وطالب البرلمان العراقي بانسحاب القوات الأمريكية من البلاد." => "مجلس النواب العراقي", For;
    demand_present: "ويطالب التيار الصدري بخروج القوات الأجنبية فورا." => "التيار الصدري", For;
    call_to_end_mission: "ودعت الحكومة العراقية إلى إنهاء مهمة التحالف الدولي." => "الحكومة العراقية", For;
    desire_first_person: "وقال قيس الخزعلي: نريد رحيل القوات الأمريكية عن أرضنا." => "قيس الخزعلي", For;
    endorse_vote: "وصوت مجلس النواب لصالح إخراج القوات الأجنبية." => "مجلس النواب", For;
    urgency_need: "وأكد هادي العامري ضرورة انسحاب القوات الأجنبية من العراق." => "هادي العامري", For;
    schedule_timetable: "وأعلن السوداني الاتفاق على جدولة الانسحاب الأمريكي من العراق." => "السوداني", For;
    acceleration: "وشدد التيار الصدري على تسريع إخراج القوات الأمريكية." => "التيار الصدري", For;
    implement_decision: "وطالبت كتائب حزب الله بتنفيذ قرار البرلمان بإخراج القوات الأجنبية." => "كتائب حزب الله", For;
    no_longer_needs: "وقال الحلبوسي إن العراق لم يعد بحاجة إلى قوات أجنبية." => "الحلبوسي", For;
    no_need_at_all: "وقالت الحكومة العراقية إنه لا حاجة إلى بقاء القوات الأمريكية." => "الحكومة العراقية", For;
    rejects_presence: "وأكدت حركة النجباء رفضها للوجود العسكري الأمريكي في العراق." => "النجباء", For;
    relative_requires: "ويضغط التيار الصدري الذي يطالب بإنهاء الوجود الأجنبي في البلاد." => "التيار الصدري", For;
    participle_determined: "وتصعّد الجماعات المسلحة المصممة على رحيل القوات الأجنبية هجماتها." => "الجماعات المسلحة", For;
    plan_not_to_stay: "وقال مسؤول أمريكي إن واشنطن لا تخطط لبقاء طويل لقواتها في العراق." => "الولايات المتحدة", For;
}

// --- oppose cues: reject, mistake, fear, deny, reverse; wanting the forces to stay
stance_cases! {
    reject_withdrawal: "ويرفض الأكراد انسحاب القوات الأمريكية من الإقليم." => "الأكراد", Against;
    mistake_judgement: "إن الانسحاب الأمريكي من العراق خطأ كبير، بحسب الجمهوريين." => "الجمهوريون", Against;
    bad_idea: "واعتبر النواب الجمهوريون أن إنهاء المهمة القتالية في العراق فكرة سيئة." => "الجمهوريون", Against;
    fear_of_withdrawal: "ويخشى السنة من انسحاب القوات الأمريكية." => "السنة", Against;
    deny_plans: "ونفت وزارة الدفاع الأمريكية وجود خطط لسحب القوات من العراق." => "البنتاغون", Against;
    reversal: "وكان دونالد ترامب قد تراجع عن قرار سحب القوات الأمريكية." => "ترامب", Against;
    wants_forces_to_stay: "وقال مسعود بارزاني إن الإقليم يريد بقاء القوات الأمريكية." => "مسعود بارزاني", Against;
    presence_is_guarantee: "وترى تركيا في الوجود الأمريكي ضمانة للاستقرار." => "تركيا", Against;
    continue_mission: "وأكد البنتاغون أن القوات الأمريكية ستواصل مهمتها في العراق." => "البنتاغون", Against;
    negated_desire: "وقال مسؤول كردي: لا نريد انسحاب القوات الأمريكية." => "مسؤول كردي", Against;
    denial_of_withdrawal: "وقال مسؤول أمريكي إن التحول لن يشمل سحب القوات." => "مسؤول أمريكي", Against;
    not_through_reduction: "وقال دبلوماسي أمريكي إن الشراكة ستتغير وليس من خلال تقليص عدد القوات." => "دبلوماسي أمريكي", Against;
    judgement_refers_back: "وتحدثت تقارير عن انسحاب أمريكي شامل من العراق. وقال مسؤول أمريكي إن ما تردد خاطئ تماما." => "مسؤول أمريكي", Against;
}

// --- negation scope
stance_cases! {
    negation_flips_support: "وقالت الحكومة العراقية إنها لا تؤيد انسحاب القوات الدولية." => "الحكومة العراقية", Against;
    negation_flips_rejection: "وأكدت طهران أنها لا ترفض خروج القوات الأمريكية." => "إيران", For;
    negated_acceptance: "وقال الصدر: لن نقبل ببقاء القوات الأجنبية على أرضنا." => "الصدر", For;
    negation_out_of_scope: "ولم يتحدث الوفد طويلا، وقال الحلبوسي إنه يطالب بانسحاب القوات الأمريكية." => "الحلبوسي", For;
    negation_stops_at_reported_clause: "وقال نوري المالكي لا أعتقد أن العراق يحتاج إلى بقاء القوات الأجنبية." => "المالكي", Against;
    not_a_negation_still: "وقال فالح الفياض إن البلاد لا تزال بحاجة إلى القوات الدولية." => "الفياض", Against;
    negated_withdrawal_object: "وتطالب تركيا بعدم انسحاب القوات الأمريكية." => "تركيا", Against;
}

// --- conditions and partial withdrawal
stance_cases! {
    unless_condition: "وقال البيت الأبيض إن القوات قد تنسحب من العراق ما لم تتوقف الهجمات." => "الولايات المتحدة", Conditional;
    only_if_condition: "وأكد الحلبوسي أنه يؤيد انسحاب القوات الأمريكية بشرط جاهزية الجيش العراقي." => "الحلبوسي", Conditional;
    keep_advisers: "ودعا مسرور بارزاني إلى سحب القوات القتالية مع الإبقاء على المستشارين." => "مسرور بارزاني", Conditional;
    training_still_needed: "وقال وزير الدفاع العراقي ثابت العباسي إن العراق لا يزال بحاجة إلى التحالف في مجال التدريب." => "ثابت العباسي", Conditional;
    end_combat_role_only: "وأعلنت واشنطن أنها ستنهي المهام القتالية لقواتها وتنتقل إلى مرحلة جديدة من التعاون." => "الولايات المتحدة", Conditional;
    advisory_mission: "وقال بايدن إن مهمة القوات ستتحول إلى مهمة استشارية وتدريبية بعد انسحاب القوات القتالية." => "بايدن", Conditional;
    for_plus_conditional_is_conditional: "وطالب العبادي بانسحاب القوات الأجنبية. وأضاف أن ذلك يجب أن يتم مع الإبقاء على المستشارين من التحالف." => "العبادي", Conditional;
    no_more_fighters: "وقال فؤاد حسين: لا نحتاج إلى مزيد من المقاتلين الأجانب، لكننا نحتاج إلى التدريب." => "فؤاد حسين", Conditional;
    hypothesis_is_not_denial: "وقال الخبراء إنه في حال عدم انسحاب القوات الأمريكية سترتفع الهجمات." => "الخبراء", NoPosition;
}

// --- forecasts and statements about something else
stance_cases! {
    forecast_bare: "وقال المحلل السياسي غازي فيصل إن القوات الأمريكية لن تنسحب في الأجل القريب." => "غازي فيصل", NoPosition;
    forecast_expect: "ويتوقع الخبراء أن تنسحب القوات الأمريكية خلال عامين." => "الخبراء", NoPosition;
    forecast_maybe: "وقال الباحث سعد الحديثي إن واشنطن ربما تسحب بعض قواتها." => "سعد الحديثي", NoPosition;
    off_topic_economy: "وطالب البرلمان العراقي بتحسين الكهرباء في الصيف." => "مجلس النواب العراقي", NoPosition;
    off_topic_attack_comment: "وأدانت الخارجية الأمريكية الهجوم على القاعدة ووصفته بالإرهابي." => "وزارة الخارجية الأمريكية", NoPosition;
    iraqi_forces_are_not_the_topic: "ودعا الحلبوسي إلى دعم القوات العراقية بالسلاح." => "الحلبوسي", NoPosition;
    ambassador_leaving_is_not_the_topic: "وطالب الصدر السفير السويدي بمغادرة البلاد." => "الصدر", NoPosition;
    other_region_presence: "وقال البنتاغون إن الأولوية لتعزيز الحضور في المحيط الهادئ." => "البنتاغون", NoPosition;
}

// --- nested attribution
#[test]
fn nested_position_goes_to_the_reported_holder() {
    let text = "وقال الباحث كمال سعيد إن الأكراد يرفضون رحيل القوات الأمريكية.";
    assert_eq!(label(text, "الأكراد"), Some(Against));
    assert_eq!(label(text, "كمال سعيد"), Some(NoPosition));
}

#[test]
fn nested_coordinated_holders_share_the_position() {
    let text = "وقال المحلل غازي فيصل إن السنة والأكراد يخشون انسحاب القوات الأمريكية.";
    assert_eq!(label(text, "السنة"), Some(Against));
    assert_eq!(label(text, "الأكراد"), Some(Against));
}

#[test]
fn reporter_of_a_source_keeps_only_their_own_words() {
    let text = "ويطالب التيار الصدري بخروج القوات الأمريكية، وفق ما نقله الخبير أحمد الشريفي.";
    assert_eq!(label(text, "التيار الصدري"), Some(For));
    assert_ne!(label(text, "أحمد الشريفي"), Some(For));
}

#[test]
fn source_phrase_at_the_end_gives_the_holder() {
    assert_eq!(label("إن انسحاب القوات الأمريكية يجب أن يتم سريعا، بحسب قيس الخزعلي.", "قيس الخزعلي"), Some(For));
}

/// Nested attribution through a source phrase: the reported holder keeps the
/// position, the source only what they say themselves (the guidelines' "قال
/// البصير إن الأكراد يرفضون").
#[test]
fn source_phrase_reporting_another_holder() {
    let text = "إن الحكومة تريد رحيل القوات الأجنبية سريعا، بحسب قيس الخزعلي.";
    assert_eq!(label(text, "الحكومة"), Some(For));
    assert_ne!(label(text, "قيس الخزعلي"), Some(For));
}

// --- speaker carry-over and quotations
stance_cases! {
    carry_over_adds: "وقال هادي العامري إن الهدنة مستمرة. وأضاف أن المطلوب هو خروج القوات الأمريكية." => "هادي العامري", For;
    carry_over_continues: "وقال الخبير الأمني أحمد الشريفي إن الوضع هادئ. وتابع: إن الانسحاب الأمريكي المتسرع خطأ." => "أحمد الشريفي", Against;
    quotation_over_sentences: "وقال الحلبوسي: \"الوضع هادئ. ونحن نطالب بانسحاب القوات الأجنبية.\"" => "الحلبوسي", For;
    source_phrase_first: "وبحسب مسعود بارزاني، فإن بقاء القوات الأمريكية ضروري." => "مسعود بارزاني", Against;
    statement_noun: "وقال بيان لكتائب سيد الشهداء إن إخراج القوات الأمريكية واجب." => "كتائب سيد الشهداء", For;
    verbal_noun_holder: "وسط تحذيرات الديمقراطيين من أن الانسحاب الأمريكي سيكون كارثة." => "الديمقراطيون", Against;
    implicit_pronoun_subject: "وتتفق هذه الرؤية مع موقف السعودية، إذ ترى أن بقاء القوات الأمريكية ضمانة." => "السعودية", Against;
}

// --- aggregation across documents
#[test]
fn documents_that_disagree_give_mixed_overall() {
    let m = analyze(&[
        Document::new("a", "وطالب الحلبوسي بانسحاب القوات الأمريكية."),
        Document::new("b", "وقال الحلبوسي إنه يرفض انسحاب القوات الأمريكية."),
    ]);
    let row = m.actors.iter().find(|a| a.id == "mohammed-halbousi").expect("row");
    assert_eq!(row.overall, stance_engine::Overall::Mixed);
}

#[test]
fn every_positioned_cell_has_evidence_with_a_cue_and_rule() {
    let m = run("وطالب البرلمان العراقي بانسحاب القوات الأمريكية. ويرفض الأكراد خروج القوات الأمريكية.");
    for a in &m.actors {
        for c in a.cells.iter().filter(|c| c.stance != NoPosition) {
            assert!(!c.evidence.is_empty());
            assert!(c.evidence.iter().all(|e| !e.cue.is_empty() && e.rule.contains('/')), "{:?}", c.evidence);
            assert!(c.confidence > 0.0 && c.confidence <= 1.0);
        }
    }
}
