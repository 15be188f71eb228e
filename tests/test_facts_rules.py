"""The conventions of facts, one focused case each: a sentence or two and every fact that
``arabic_stats.extract`` must read from it (no more, no fewer; see ``factspec.py``).

A fact is a count of something: a cardinal with its counted noun, a metric named before the
number, or a number in a list whose noun is elided. Dates, ordinals, percentages, identifiers,
phone numbers, names with digits, durations, ages, distances and temperatures are not facts.
The whole articles are in ``test_facts_fixtures.py``.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from typing import Any

import pytest

import arabic_stats
from factspec import check_mismatches, fact_report

_ABSENT: Any = object()


def F(metric: str | None, count: float, qualifier: str = "exact", *, platform: str | None = None,
      year: int | None = None, unit: Any = _ABSENT, role: Any = _ABSENT, note: str | None = None) -> dict[str, Any]:
    """An expected fact; ``unit`` and ``role`` are compared only when given."""
    fact: dict[str, Any] = {"platform": platform, "metric": metric, "count": count, "qualifier": qualifier,
                            "year": year}
    if unit is not _ABSENT:
        fact["unit"] = unit
    if role is not _ABSENT:
        fact["role"] = role
    if note:
        fact["note"] = note
    return fact


def C(total: float, parts: list[float], holds: bool) -> dict[str, Any]:
    return {"total": total, "parts": parts, "holds": holds}


def case(id: str, text: str, facts: list[dict[str, Any]], *, ref: str | None = None,
         checks: list[dict[str, Any]] | None = None) -> Any:
    """``checks=None``: checks are not compared; ``[]``: there must be none."""
    return pytest.param(text, facts, ref, checks, id=id)


def _run(text: str, facts: list[dict[str, Any]], ref: str | None, checks: list[dict[str, Any]] | None) -> None:
    doc = arabic_stats.extract(text, reference_date=dt.date.fromisoformat(ref) if ref else None)
    problems = [r for r in (fact_report(text, facts, doc.facts, text),) if r]
    if checks is not None:
        report = check_mismatches(checks, doc.checks)
        if report:
            problems.append(f"checks differ for {text}\n{report}")
    if problems:
        pytest.fail("\n" + "\n".join(problems), pytrace=False)


# ---- what counts: the counted noun, a metric named before, an elided noun -------------------

COUNTED = [
    case("tamyiz-compound-noun", "شارك في الحملة تلاميذ 340 مؤسسة تعليمية بالجهة.", [F("schools", 340)]),
    case("tamyiz-accusative", "نشرت الوزارة 45 بلاغا صحفيا حول الموضوع.", [F("communiques", 45)]),
    case("tamyiz-plural", "استفادت من المبادرة 7 جمعيات محلية.", [F("associations", 7)]),
    case("decimal-millions-count-whole", "يتابع دراسته 8.2 ملايين تلميذ في المدارس العمومية.",
         [F("pupils", 8_200_000)]),
    case("pair-with-ila-shares-the-noun", "واستقبل المعرض من 300 إلى 400 زائر يوميا.",
         [F("visitors", 300), F("visitors", 400)]),
    case("deputies", "وصوت 120 نائبا لصالح القانون.", [F("deputies", 120)]),
    case("a-dual-noun-counts-two", "وقتل شخصان وأصيب ثلاثة آخرون في حادث سير، وتضررت سيارتان.",
         [F("deaths", 2), F("injuries", 3), F("vehicles", 2)]),
    case("a-dual-with-a-preposition", "وأسفر الحادث عن مقتل طفلين وإصابة 5 أشخاص.", [F("children", 2), F("injuries", 5)]),
    case("a-definite-dual-is-no-count", "وقال الشخصان المذكوران إنهما شاهدا الحادث.", []),
    case("a-dual-and-a-count-of-the-same-noun", "وسجل المهاجم هدفين في المباراة، ورفع رصيده إلى 12 هدفا.",
         [F("goals", 2), F("goals", 12)]),
    case("a-definite-word-after-a-count-is-no-noun", "وحصل الحزب على 40 مقعدا والاستقلال على 35 والحركة على 28.",
         [F("seats", 40), F("seats", 35), F("seats", 28)]),
    case("pair-shares-the-scale-and-the-noun", "وحضر الحفل ما بين 5 و10 آلاف متفرج، وكلف من 3 إلى 4 ملايين دولار.",
         [F("spectators", 5000), F("spectators", 10000), F("amount", 3_000_000, unit="USD"),
          F("amount", 4_000_000, unit="USD")]),
    case("pair-of-scaled-numbers-shares-the-noun", "وتراوحت الغرامات بين 10 آلاف و20 ألف درهم.",
         [F("amount", 10000, unit="dirham"), F("amount", 20000, unit="dirham")]),
    case("pair-in-words-shares-the-noun", "وتتراوح الأسعار ما بين مليون ومليوني دينار.",
         [F("amount", 1_000_000), F("amount", 2_000_000)]),
    case("quintals-and-barrels-are-quantities", "وأنتج الفلاحون 300 ألف قنطار، وينتج الحقل 50 ألف برميل يوميا.",
         [F("quantity", 300_000, unit="q"), F("quantity", 50_000, unit="bbl")]),
    case("rainfall-in-millimetres-is-a-measure", "وبلغت كمية الأمطار 120 ملم، وتراوحت بين 30 و50 مم.", []),
    case("a-preposition-after-a-count-is-no-noun", "واستقبل المعرض 200 ألف خلال عشرة أيام.", []),
    case("a-score-is-no-count", "وانتهت المباراة بفوز الرجاء 3 مقابل 1.", []),
    # a verb or verbal noun of a metric right before a count with no known noun after it
    case("cue-before-a-bare-count", "وأسفر الحادث عن مقتل 3 وإصابة 17.", [F("deaths", 3), F("injuries", 17)]),
    case("a-new-verb-for-the-second-count", "وتوفي 3 أشخاص وأصيب 17.", [F("deaths", 3), F("injuries", 17)]),
    case("a-new-verb-after-a-dual", "وقتل شخصان وجرح 7 في الهجوم.", [F("deaths", 2), F("injuries", 7)]),
    case("cue-before-an-unknown-noun", "وقتل 40 مدنيا في القصف.", [F("deaths", 40)]),
    case("a-cue-after-the-next-count-is-its-own", "وتم إنقاذ 78 مهاجرا وانتشال 5 جثث.",
         [F("migrants", 78), F("deaths", 5)]),
    case("cue-phrases-of-deaths-displacement-arrests",
         "وأودى الزلزال بحياة 3000 شخص، ونزح 5000 شخص، وسجلت 12 حالة اعتقال.",
         [F("deaths", 3000), F("displaced", 5000), F("arrests", 12)]),
    # a platform named earlier in the clause is where the news was posted, not where deaths
    # or arrests are counted; a platform bound to the count or after it still counts
    case("offline-metrics-take-no-platform-named-before",
         "وأعلنت الوزارة على صفحتها في فيسبوك عن وفاة 34 شخصا وتوقيف 1200 شخص.",
         [F("deaths", 34), F("arrests", 1200)]),
    case("offline-metrics-take-a-platform-after", "ونشرت الوزارة 45 بلاغا على فيسبوك.",
         [F("communiques", 45, platform="facebook")]),
    case("the-year-of-an-election", "وحصد الحزب 125 مقعدا في انتخابات 2016.", [F("seats", 125, year=2016)]),
    case("breakdown-after-bainahum", "وأصيب 20 شخصا، بينهم 12 امرأة و8 أطفال.",
         [F("injuries", 20, role="total"), F("women", 12, role="part"), F("children", 8, role="part")]),
    case("soldiers-killed-are-deaths", "وقتل 3 جنود في الهجوم، فيما أرسل الجيش 500 جندي إضافي.",
         [F("deaths", 3), F("soldiers", 500)]),
    # a since phrase with a count between it and the date names a place, not a start
    case("intilaqan-min-a-place", "وبلغ عدد المهاجرين انطلاقا من ليبيا 45 ألفا خلال 2024.",
         [F("migrants", 45_000, year=2024)], ref="2025-06-15"),
    # a birth word or a label gives no period only right before its date
    case("births-during-a-year", "وبلغ عدد المواليد خلال عام 2024 نحو 2,1 مليون مولود.",
         [F("births", 2_100_000, "approx", year=2024)]),
    case("a-budget-law-of-a-year", "وخصص قانون المالية لسنة 2025 مبلغ 300 مليون درهم.",
         [F("amount", 300_000_000, year=2025, unit="dirham")]),
    case("a-time-of-day-is-no-count", "ويبدأ الاجتماع على الساعة 5 مساء.", []),
    # the period a change is measured against gives no figure its year
    case("the-baseline-of-a-change", "وبلغ عدد السياح الدوليين 8,6 مليون سائح، بارتفاع 11 في المئة عن العام "
         "السابق، في حين بلغ عدد السياح المحليين 21,4 مليون سائح.",
         [F("tourists", 8_600_000), F("tourists", 21_400_000)], ref="2025-06-15"),
    case("a-part-out-of-its-total", "ونجح 245 ألف طالب من أصل 380 ألفا.",
         [F("students", 245_000, role="part"), F("students", 380_000, role="total")], checks=[]),
    case("the-counted-noun-of-another-count-is-no-cue", "وسجلت 1850 وفاة من بين أكثر من 65 ألف حالة.",
         [F("deaths", 1850), F("cases", 65_000, "more_than")]),
    case("x-glued-to-waw-in-a-list", "ويتابع الحساب على فيسبوك 850 ألف متابع، وإكس 720 ألفا.",
         [F("followers", 850_000, platform="facebook"), F("followers", 720_000, platform="x")]),
    case("metric-before-number", "وبلغ عدد زوار المعرض 85 ألفا.", [F("visitors", 85000)]),
    case("metric-before-with-digits-groups", "وبلغ عدد المستفيدين من المنحة 3,120.", [F("beneficiaries", 3120)]),
    case("elided-noun-list",
         "وسجلت المصالح 320 شكاية في الرباط، و210 في فاس، و95 في مكناس.",
         [F("complaints", 320), F("complaints", 210), F("complaints", 95)]),
    case("elided-noun-per-platform",
         "ويتابع حساب الوزارة 80 ألف متابع على فيسبوك، و35 ألفا على إنستغرام.",
         [F("followers", 80000, platform="facebook"), F("followers", 35000, platform="instagram")]),
    case("count-noun-with-a-pronoun-then-a-platform",
         "وبلغ عدد المتابعين على تيك توك 2.3 مليون متابع، فيما وصل عددهم على يوتيوب إلى 850 ألفا.",
         [F("followers", 2300000, platform="tiktok"),
          F("followers", 850000, platform="youtube", note="عددهم على يوتيوب: 'their number', no new noun")]),
    case("label-noun-before-a-count", "ويتابع الصفحة 80 ألف متابع.",
         [F("followers", 80000, note="'الصفحة 80' would be a page number, but '80 ألف متابع' is a count")]),
    case("every-mention-is-a-fact",
         "وبلغ عدد الزوار 5000 زائر. وأكد المدير أن 5000 زائر رقم غير مسبوق.",
         [F("visitors", 5000), F("visitors", 5000)]),
    case("arabic-indic-digits", "واستقبل المعرض ١٢٬٣٤٥ زائرا.", [F("visitors", 12345)]),
    case("number-in-words", "وشارك في الملتقى ثلاثة آلاف وخمسمائة مشارك.", [F("participants", 3500)]),
    case("decimal-million", "وبلغ عدد المشاهدات 2.5 مليون مشاهدة.", [F("views", 2500000)]),
    case("dollars-and-cents", "وبلغ سعر السهم 20 دولارا و43 سنتا.",
         [F("amount", 20, unit="USD"), F("amount", 43, unit="cent")]),
    case("dotted-thousands-beside-a-short-decimal", "وبلغت الاستثمارات 1.2 مليار دولار، ووظفت الوزارة 1.500 أستاذ.",
         [F("amount", 1200000000), F("teachers", 1500, note="1.2 is a decimal, 1.500 teachers a thousand and a half")]),
    case("million-and-thousands", "واستقبلت المدينة مليون و200 ألف زائر.", [F("visitors", 1200000)]),
]


@pytest.mark.parametrize(("text", "facts", "ref", "checks"), COUNTED)
def test_what_counts(text: str, facts: list[dict[str, Any]], ref: str | None, checks: Any) -> None:
    _run(text, facts, ref, checks)


# ---- metrics refined by their context ---------------------------------------------------------

REFINED = [
    case("person-arrested", "وأسفرت الحملة عن توقيف 12 شخصا للاشتباه في تورطهم.", [F("arrests", 12)]),
    case("person-arrested-verb-after", "وقالت الشرطة إن 38 شخصا أوقفوا خلال العملية.", [F("arrests", 38)]),
    case("person-killed", "ولقي 5 أشخاص مصرعهم في حادث سير.", [F("deaths", 5)]),
    case("death-cases", "وسجلت المستشفيات 3 حالات وفاة.", [F("deaths", 3)]),
    case("others-with-no-count-before-are-persons", "وأسفر الحادث عن وفاة سائق وإصابة 48 آخرين بجروح.",
         [F("injuries", 48)]),
    case("others-that-are-not-persons", "ونشرت الصفحة 3 أخرى.", []),
    case("count-noun-names-the-persons", "وبلغ عدد الجرحى 25 شخصا.", [F("injuries", 25)]),
    case("count-noun-names-the-cases", "وارتفع عدد الوفيات إلى 12 حالة.", [F("deaths", 12)]),
    case("count-noun-names-the-visitors", "وبلغ عدد زوار المهرجان 40 ألف شخص.", [F("visitors", 40000)]),
    case("count-noun-not-a-kind-of-persons", "وبلغ عدد المؤسسات المستفيدة 200 شخص.", [F("people", 200)]),
    case("killed-then-injured", "وأسفرت الغارات عن استشهاد 3 آلاف و500 شخص وإصابة 15 ألفا آخرين.",
         [F("deaths", 3500), F("injuries", 15000)]),
    case("downloads-not-operations", "وسجلت المنصة 450 ألف عملية تحميل للتطبيق.", [F("downloads", 450000)]),
    case("articles-are-posts", "ونشرت الوزارة على حسابها الرسمي في لينكد إن 320 مقالا.",
         [F("posts", 320, platform="linkedin")]),
    case("fa-qad-is-no-loss", "وعلى صعيد آخر، فقد استفاد من البرنامج 300 شخص.",
         [F("people", 300, note="فقد is ف + قد here, not 'went missing'")]),
    case("reporting-verb-is-no-following", "وتابع المتحدث أن 300 شخص استفادوا من البرنامج.",
         [F("people", 300, note="وتابع: 'he went on', not 'followed'")]),
    case("following-on-a-platform", "ويتابعه أكثر من 300 ألف شخص على إنستغرام.",
         [F("followers", 300000, "more_than", platform="instagram")]),
    case("person-injured", "وأصيب 7 أشخاص بجروح متفاوتة الخطورة.", [F("injuries", 7)]),
    case("others-injured", "ولقي 4 أشخاص مصرعهم وأصيب 17 آخرون بجروح.", [F("deaths", 4), F("injuries", 17)]),
    case("person-following", "ويتابعه على إنستغرام نحو 900 ألف شخص.",
         [F("followers", 900000, "approx", platform="instagram")]),
    case("person-plain", "ويعمل في الورشة فريق من 6 أشخاص.", [F("people", 6)]),
    case("contents-named-violent",
         "ورصدت المصالح المحتويات العنيفة على الشبكات، إذ وثقت 120 محتوى خلال الشهر.",
         [F("violent_contents", 120)]),
    case("others-take-the-cue-before-them", "سقط 14 شهيدا وأصيب 37 آخرون، وانتشلت الفرق 12 جثة وأنقذت 40 آخرين.",
         [F("deaths", 14), F("injuries", 37), F("deaths", 12), F("rescued", 40)]),
    case("others-after-a-cue", "استشهد 3 فلسطينيين وأصيب 12 آخرون برصاص الاحتلال في جنين.",
         [F("deaths", 3), F("injuries", 12, note="آخرون after a count its cue named are persons, refined anew")]),
    case("nationals-arrested", "اعتقلت قوات الاحتلال 25 فلسطينيا من الضفة الغربية.", [F("arrests", 25)]),
    case("nationals-are-people", "وعاد أكثر من 500 ألف سوري من تركيا.", [F("people", 500000, "more_than")]),
    case("infections-are-cases", "وتم تسجيل 15 حالة إصابة بالتهاب الكبد الفيروسي.", [F("cases", 15)]),
    case("cases-of-a-disease-named-before", "وبلغ عدد حالات الإصابة بالحصبة في المغرب 25 ألف حالة.",
         [F("cases", 25000)]),
    case("would-be-migrants", "واعترضت البحرية الملكية 2300 مرشح للهجرة السرية.", [F("migrants", 2300)]),
]


@pytest.mark.parametrize(("text", "facts", "ref", "checks"), REFINED)
def test_generic_nouns_take_the_metric_of_their_context(text: str, facts: list[dict[str, Any]], ref: str | None,
                                                       checks: Any) -> None:
    _run(text, facts, ref, checks)


# ---- money and seizures -------------------------------------------------------------------------

MONEY = [
    case("area-not-length", "وتبلغ مساحة الشقة 120 مترا مربعا، وأتى الحريق على 300 كيلومتر مربع من الغابات.",
         [F("quantity", 120, unit="m2"), F("quantity", 300, unit="km2")]),
    case("money-mad", "ورصدت الحكومة 500 مليون درهم مغربي للبرنامج.", [F("amount", 500000000, unit="MAD")]),
    case("money-usd", "وقدم البنك منحة بقيمة 3 ملايين دولار.", [F("amount", 3000000, unit="USD")]),
    case("money-eur", "وبلغت قيمة الاستثمارات 1.5 مليار يورو.", [F("amount", 1500000000, unit="EUR")]),
    case("money-bare-dinar", "وحددت المنحة في 2000 دينار لكل أسرة.", [F("amount", 2000, unit="dinar")]),
    case("money-bare-riyal", "وبلغت ميزانية المشروع 40 مليون ريال.", [F("amount", 40000000, unit="riyal")]),
    case("money-egp", "وبلغت الإيرادات 7.8 مليار جنيه مصري.", [F("amount", 7800000000, unit="EGP")]),
    case("money-elided-comparison", "وبلغت المداخيل 620 ألف دينار كويتي، مقارنة بـ 540 ألفا في الحصيلة السابقة.",
         [F("amount", 620000, unit="KWD"), F("amount", 540000, unit="KWD")]),
    case("seizure-tonnes", "وحجزت الجمارك 3 أطنان من مخدر الشيرا.", [F("seizures", 3, unit="t")]),
    case("seizure-pills", "وتم ضبط 2400 قرص مهلوس بحوزة المشتبه فيه.", [F("seizures", 2400, unit="pills")]),
    case("seizure-kilograms", "وأسفرت العملية عن حجز 18 كيلوغراما من الكوكايين.", [F("seizures", 18, unit="kg")]),
    case("seizure-litres", "وضبطت الدوريات 500 لتر من الوقود المهرب.", [F("seizures", 500, unit="l")]),
    case("seizure-list-carries-the-verb", "وحجزت الشرطة 15.400 قرص مهلوس و1,2 كيلوغرام من الكوكايين.",
         [F("seizures", 15400, unit="pills"), F("seizures", 1.2, unit="kg")]),
    case("harvest-is-quantity", "وبلغ إنتاج الحبوب 5 ملايين طن.", [F("quantity", 5000000, unit="t")]),
]


@pytest.mark.parametrize(("text", "facts", "ref", "checks"), MONEY)
def test_money_and_seizures_carry_a_unit(text: str, facts: list[dict[str, Any]], ref: str | None,
                                         checks: Any) -> None:
    _run(text, facts, ref, checks)


# ---- platforms --------------------------------------------------------------------------------

SPELLINGS = [("فيسبوك", "facebook"), ("فايسبوك", "facebook"), ("فيس بوك", "facebook"), ("Facebook", "facebook"),
             ("إنستغرام", "instagram"), ("انستقرام", "instagram"), ("إنستجرام", "instagram"),
             ("Instagram", "instagram"), ("يوتيوب", "youtube"), ("YouTube", "youtube"), ("تيك توك", "tiktok"),
             ("TikTok", "tiktok"), ("تويتر", "x"), ("منصة إكس", "x"), ("منصة X", "x"), ("لينكد إن", "linkedin"),
             ("LinkedIn", "linkedin"), ("تيليغرام", "telegram"), ("تليجرام", "telegram"), ("واتساب", "whatsapp"),
             ("سناب شات", "snapchat"), ("Snapchat", "snapchat"), ("ثريدز", "threads")]

PLATFORMS = [
    case(f"spelling-{label}-{i}", f"وتجاوز عدد متابعي الوزارة على {surface} 250 ألف متابع.",
         [F("followers", 250000, "more_than", platform=label)])
    for i, (surface, label) in enumerate(SPELLINGS)
] + [
    case("x-after-ala", "وللوزارة 1400 متابع على فيسبوك و900 على إكس.",
         [F("followers", 1400, platform="facebook"), F("followers", 900, platform="x")]),
    case("x-after-abra", "ونشر الحساب 300 تغريدة عبر X خلال الحملة.", [F("posts", 300, platform="x")]),
    case("x-ray-is-no-platform", "وخضع المريض لفحص بأشعة إكس 3 مرات.", []),
    case("frame-clause", "أما على منصة \"يوتيوب\"، فقد بلغ عدد المشاهدات 12 مليونا.",
         [F("views", 12000000, platform="youtube")]),
    case("frame-clause-latin", "وعلى Facebook، تجاوز عدد المعجبين بصفحة الوزارة 90 ألفا.",
         [F("followers", 90000, "more_than", platform="facebook")]),
    case("frame-carries-through-the-sentence",
         "وعلى تيك توك، يتابعه أكثر من 5,1 مليون متابع، بينما حصد أشهر مقاطعه هناك 48 مليون مشاهدة.",
         [F("followers", 5100000, "more_than", platform="tiktok"), F("views", 48000000, platform="tiktok")]),
    case("account-x-formerly-twitter", "ويضم حساب إكس (تويتر سابقا) 512 ألف منخرط.",
         [F("followers", 512000, platform="x")]),
    case("x-ray-is-not-x", "واستقبل قسم الأشعة إكس بالمستشفى 300 مريض.", [F("patients", 300)]),
    case("x-ray-beside-a-platform", "وحصدت حملة التوعية بالفحص بالأشعة إكس 2.3 مليون مشاهدة على تيك توك.",
         [F("views", 2300000, platform="tiktok")]),
    case("no-platform", "ونشرت المديرية 503 محتوى على حساباتها الرسمية في مواقع التواصل الاجتماعي.",
         [F("posts", 503)]),
    case("two-platforms-share-a-figure",
         "وحققت المقاطع المنشورة على انستقرام وتيك توك أكثر من 96 مليون مشاهدة.",
         [F("views", 96000000, "more_than", note="the figure belongs to neither platform alone")]),
    case("each-clause-its-platform", "وأغلقت الوحدة 45 قناة على تيليجرام و18 صفحة على فيسبوك.",
         [F("channels", 45, platform="telegram"), F("pages", 18, platform="facebook")]),
    case("each-item-opened-by-its-platform",
         "ووصل عدد المتابعين في فيسبوك إلى 500 ألف وفي إنستغرام إلى 200 ألف.",
         [F("followers", 500000, platform="facebook"), F("followers", 200000, platform="instagram")]),
    case("each-item-after-its-platform", "وبلغ عدد المشاهدات على إنستغرام 3 ملايين وعلى تيك توك 5 ملايين.",
         [F("views", 3000000, platform="instagram"), F("views", 5000000, platform="tiktok")]),
    case("a-platform-after-a-list", "وحصد المقطع 3 ملايين مشاهدة و150 ألف إعجاب و20 ألف تعليق على إنستغرام.",
         [F("views", 3000000, platform="instagram"), F("likes", 150000, platform="instagram"),
          F("comments", 20000, platform="instagram")]),
    case("a-list-platform-before-an-earlier-clause",
         "بلغ عدد متابعي الحملة في فيسبوك 2,8 مليون، بينما حصدت فيديوهات الحملة 120 مليون مشاهدة "
         "و3 ملايين إعجاب على يوتيوب.",
         [F("followers", 2_800_000, platform="facebook"), F("views", 120_000_000, platform="youtube"),
          F("likes", 3_000_000, platform="youtube")]),
    case("whatsapp-is-no-conjunction", "ونشرت الصفحة 295 منشورا و129 مقطع فيديو على واتساب.",
         [F("posts", 295, platform="whatsapp"), F("posts", 129, platform="whatsapp")]),
]


@pytest.mark.parametrize(("text", "facts", "ref", "checks"), PLATFORMS)
def test_platforms(text: str, facts: list[dict[str, Any]], ref: str | None, checks: Any) -> None:
    _run(text, facts, ref, checks)


# ---- qualifiers ---------------------------------------------------------------------------------

QUALIFIERS = [
    case("verb-with-the-lam-of-purpose", "وارتفع عدد الزوار بأكثر من الضعف ليتجاوز 4 ملايين زائر.",
         [F("visitors", 4000000, "more_than")]),
    case("approx-hawali", "واستقبل المركز حوالي 250 زائرا.", [F("visitors", 250, "approx")]),
    case("approx-nahwa", "واستقبل المركز نحو 250 زائرا.", [F("visitors", 250, "approx")]),
    case("approx-with-clitic", "وقدرت الحصيلة بنحو 250 زائرا.", [F("visitors", 250, "approx")]),
    case("approx-quraba", "واستقبل المركز قرابة 250 زائرا.", [F("visitors", 250, "approx")]),
    case("approx-zuhaa", "واستقبل المركز زهاء 250 زائرا.", [F("visitors", 250, "approx")]),
    case("approx-ma-yuqarib", "واستقبل المركز ما يقارب 250 زائرا.", [F("visitors", 250, "approx")]),
    case("approx-after", "واستقبل المركز 250 زائرا تقريبا.", [F("visitors", 250, "approx")]),
    case("approx-verb", "وناهز عدد الزوار 40 ألف زائر.", [F("visitors", 40000, "approx")]),
    case("more-than-akthar", "واستقبل المركز أكثر من 250 زائرا.", [F("visitors", 250, "more_than")]),
    case("more-than-azyad", "واستقبل المركز أزيد من 250 زائرا.", [F("visitors", 250, "more_than")]),
    case("more-than-ma-yazid", "واستقبل المركز ما يزيد عن 250 زائرا.", [F("visitors", 250, "more_than")]),
    case("more-than-ma-yafuq", "واستقبل المركز ما يفوق 250 زائرا.", [F("visitors", 250, "more_than")]),
    case("more-than-governing-verb", "وتجاوز عدد المشتركين في القناة 500 ألف.", [F("followers", 500000, "more_than")]),
    case("more-than-verb-far-back", "وتخطى عدد متابعي الصفحة الرسمية للمترو على فيسبوك 2.6 مليون متابع.",
         [F("followers", 2600000, "more_than", platform="facebook")]),
    case("less-than-aqall", "وسجلت المصالح أقل من 200 حالة.", [F("cases", 200, "less_than")]),
    case("less-than-duna", "وظل عدد الزوار دون 250 زائرا.", [F("visitors", 250, "less_than")]),
    case("at-least-after", "واستقبل المركز 250 زائرا على الأقل.", [F("visitors", 250, "at_least")]),
    case("at-least-before", "واستقبل المركز ما لا يقل عن 250 زائرا.", [F("visitors", 250, "at_least")]),
    case("at-most-la-yatajawaz", "وتبلغ الطاقة الاستيعابية للمركز ما لا يتجاوز 250 زائرا.",
         [F("visitors", 250, "at_most")]),
    case("at-most-after", "واستقبل المركز 250 زائرا على الأكثر.", [F("visitors", 250, "at_most")]),
    case("at-most-negated-verb", "ولم يتجاوز عدد المشاركين في اللقاء 300 مشارك.", [F("participants", 300, "at_most")]),
    case("exceeding-after-the-figure", "وبلغ عدد مشتركي القناة 3,4 مليون مشترك، متجاوزا كل التوقعات.",
         [F("followers", 3400000, note="'متجاوزا' after the figure does not qualify it")]),
]


@pytest.mark.parametrize(("text", "facts", "ref", "checks"), QUALIFIERS)
def test_qualifiers(text: str, facts: list[dict[str, Any]], ref: str | None, checks: Any) -> None:
    _run(text, facts, ref, checks)


# ---- years ------------------------------------------------------------------------------------------

YEARS = [
    case("a-date-right-after-the-count", "وبلغ عدد السياح 10 ملايين عام 2024.", [F("tourists", 10_000_000, year=2024)]),
    case("a-year-between-the-noun-and-the-count", "وارتفع عدد المسافرين في 2024 إلى 9 ملايين.",
         [F("passengers", 9_000_000, year=2024)]),
    case("a-year-in-a-name-is-no-count", "وبلغ عدد الحجاج لموسم 1446 نحو 1.6 مليون حاج.",
         [F("pilgrims", 1_600_000, "approx")]),
    case("a-year-in-an-event-name-is-no-count", "وبلغ عدد المترشحين لبكالوريا 2025 نحو 480 ألفا.",
         [F("candidates", 480_000, "approx", year=2025)]),
    case("a-year-right-after-the-count", "وبلغ عدد الزوار 1450 سنة 2024.", [F("visitors", 1450, year=2024)]),
    case("year-after-each-item", "سجلت الوزارة 2500 إصابة في 2023 و1800 إصابة في 2022.",
         [F("injuries", 2500, year=2023), F("injuries", 1800, year=2022)]),
    case("year-after-each-side", "ارتفع عدد الزوار من 80 ألف زائر في 2023 إلى 145 ألف زائر في 2024.",
         [F("visitors", 80000, year=2023), F("visitors", 145000, year=2024)]),
    case("years-listed-after-dual", "وبلغ عدد المستفيدين في عامي 2023 و2024 نحو 3000 مستفيد.",
         [F("beneficiaries", 3000, qualifier="approx", year=2024)]),
    case("explicit-year-in-clause", "وسجلت الشرطة في سنة 2023 ما مجموعه 410 حوادث.", [F("accidents", 410, year=2023)]),
    case("framing-khilal", "وخلال سنة 2025، نظمت الوزارة 64 دورة تكوينية.", [F("trainings", 64, year=2025)]),
    case("framing-birasm", "برسم سنة 2025، استفاد من البرنامج 1200 مستفيد.", [F("beneficiaries", 1200, year=2025)]),
    case("framing-governs-next-sentence", "خلال سنة 2025 واصلت المديرية عملها. وقد نظمت 22 منتدى.",
         [F("forums", 22, year=2025)]),
    case("comparison-year",
         "وخلال سنة 2025 سجلت المصالح 18 حادثة، مقارنة مع 25 في سنة 2024.",
         [F("accidents", 18, year=2025), F("accidents", 25, year=2024)]),
    case("comparison-muqabil", "واستقبلت البلاد 13 مليون سائح خلال سنة 2025، مقابل 11 مليون سائح في سنة 2024.",
         [F("tourists", 13000000, year=2025), F("tourists", 11000000, year=2024)]),
    case("following-year-anaphoric", "استقبل المتحف 40 ألف زائر في سنة 2022، وفي السنة الموالية استقبل 55 ألف زائر.",
         [F("visitors", 40000, year=2022), F("visitors", 55000, year=2023)], ref="2025-06-01"),
    case("this-year-resolved", "واستقبل المتحف هذه السنة 92 ألف زائر.", [F("visitors", 92000, year=2024)],
         ref="2024-06-01"),
    case("last-year-resolved", "وتلقت الشركة 43 ألف شكوى خلال العام الماضي.", [F("complaints", 43000, year=2024)],
         ref="2025-01-12"),
    case("hijri-date", "وقدمت المستشفيات 380 ألف زيارة علاجية خلال الفترة من 1 إلى 13 ذي الحجة 1446هـ.",
         [F("visits", 380000, year=2025)]),
    case("no-year", "واستقبل المتحف 92 ألف زائر.", [F("visitors", 92000)]),
    case("no-year-from-a-relative-date-without-reference", "واستقبل المتحف خلال الشهر الماضي 7 آلاف زائر.",
         [F("visitors", 7000, note="no reference date: 'الشهر الماضي' cannot give a year")]),
    case("no-year-from-today-without-reference", "وتضم القناة اليوم 412 فيديو.",
         [F("posts", 412, note="no reference date: 'اليوم' cannot give a year")]),
    case("law-year-is-not-the-year", "ورصدت غرفة العمليات 27 حالة غش وفقا للقانون رقم 101 لسنة 2015.",
         [F("cases", 27, note="the law's year names the law")]),
    case("vision-2030-is-a-name", "وقدرت الوفورات بنحو 1.7 مليار ريال سعودي، تماشيا مع رؤية المملكة 2030.",
         [F("amount", 1700000000, "approx", unit="SAR")]),
    case("founding-year-with-its-subject", "تأسست الشركة سنة 1933 ويعمل بها اليوم 70 ألف موظف.",
         [F("employees", 70000, year=2025, note="the founding year names the company")], ref="2025-06-15"),
    case("highest-since-is-no-year", "ارتفع عدد الزوار إلى 3 ملايين زائر، وهو الأعلى منذ خمس سنوات.",
         [F("visitors", 3_000_000, note="منذ in the date: a comparison point, not the figure's year")],
         ref="2025-06-15"),
    case("a-dotted-reference-is-no-count", "وصدر المرسوم رقم 2.24.123 بتاريخ 12 مارس 2024.", []),
    case("a-range-with-a-dash-gives-both-sides", "ووصل 200-300 مهاجر، وسجل 15-20 ألف مشارك في الماراثون.",
         [F("migrants", 200), F("migrants", 300), F("participants", 15000), F("participants", 20000)]),
    case("a-change-baseline-governs-no-passage",
         "بلغ عدد المخالفات خلال الربع الأول من العام الحالي 1,98 مليون مخالفة، بانخفاض 12% عن الفترة نفسها "
         "من العام الماضي. وبلغت الحوادث 18 ألف حادث.",
         [F("violations", 1_980_000, year=2025), F("accidents", 18_000, year=2025)], ref="2025-06-15"),
    case("newborns-counted-in-a-year", "سجلت مصالح الحالة المدنية 836 ألف مولود في 2023.",
         [F("births", 836_000, year=2023, note="مولود after a count is what is counted, not a birth date")]),
    case("past-hours-are-no-count", "استقبلت مستشفيات غزة 120 جريحا خلال الساعات الـ24 الماضية.",
         [F("injuries", 120)]),
    case("the-previous-year-counts-from-the-year-named",
         "استقبل المغرب 14 مليون سائح في 2023، مقابل 11 مليونا في السنة السابقة.",
         [F("tourists", 14_000_000, year=2023), F("tourists", 11_000_000, year=2022)], ref="2025-06-15"),
]


@pytest.mark.parametrize(("text", "facts", "ref", "checks"), YEARS)
def test_years(text: str, facts: list[dict[str, Any]], ref: str | None, checks: Any) -> None:
    _run(text, facts, ref, checks)


# ---- not facts ------------------------------------------------------------------------------------

NOT_FACTS = [
    case("a-change-is-no-count", "وبلغ عدد متابعي الوزارة على فيسبوك 1.5 مليون متابع، أي بزيادة 400 ألف متابع.",
         [F("followers", 1_500_000, platform="facebook")]),
    case("a-change-with-its-link", "وسجلت المصالح 88 حالة، بتراجع قدره 12 حالة عن السنة الماضية.", [F("cases", 88)]),
    case("the-next-number-is-no-counted-noun", "وسجل المعرض في دورته الـ43 أكثر من 1.8 مليون زائر.",
         [F("visitors", 1_800_000, "more_than")]),
    case("an-accusative-scale-has-its-noun-before", "وبلغ عدد الناخبين 17 مليونا صوت منهم 8 ملايين.",
         [F("voters", 17_000_000), F("voters", 8_000_000)]),
    case("a-date-in-a-name-is-no-count", "وحضر المباراة على ملعب 5 جويلية أكثر من 40 ألف متفرج.",
         [F("spectators", 40_000, "more_than")]),
    case("a-label-with-a-pronoun-suffix", "واستقطب المعرض أكثر من أربعة ملايين زائر خلال دورته الـ56.",
         [F("visitors", 4_000_000, "more_than")]),
    case("a-number-after-a-pair-is-no-noun", "ثلاثة وعشرين ألفا وثلاثة وعشرين ألفا وثلاثة وعشرين ألفا.", []),
    case("the-size-of-a-change-is-no-count", "وارتفع عدد السياح بـ 300 ألف سائح، وانخفض عدد السكان بنحو 160 ألف نسمة.",
         []),
    case("a-level-after-a-change-verb-is-a-count", "وارتفع عدد السياح إلى 3 ملايين سائح.", [F("tourists", 3_000_000)]),
    case("an-average-is-no-count", "ويستقبل المتحف بمعدل 300 زائر يوميا، بمتوسط 4 أفراد لكل أسرة.", []),
    case("a-proportion-is-no-count", "ويستخدم 7 من كل 10 مغاربة موقع فيسبوك يوميا.", []),
    case("article-number", "ويعاقب على ذلك وفقا للمادة 12 من القانون.", []),
    case("law-number-with-dot", "ويحدد القانون رقم 31.08 تدابير حماية المستهلك.", []),
    case("decree-number-with-year", "وذلك تطبيقا للمرسوم رقم 2015-159 المنظم للقطاع.", []),
    case("label-raqm", "ونقل المصابون إلى الجناح رقم 5 بالمستشفى.", []),
    case("road-number", "ووقع الحادث على الطريق 29 الرابطة بين المدينتين.", []),
    case("un-resolution", "ودعا المجلس إلى تطبيق القرار 2254.", []),
    case("phone-number", "وللاستفسار يرجى الاتصال على الرقم 0522456789.", []),
    case("short-phone-number", "ويمكن التبليغ عبر الرقم الأخضر 1021.", []),
    case("site-name-with-digits", "وأفاد موقع (آش 24) أن الحادث وقع صباحا.", []),
    case("covid-19", "وتراجع النشاط منذ جائحة كوفيد-19.", []),
    case("channel-name-with-digit", "واستضافته قناة ميدي 1 تيفي في برنامجها.", []),
    case("duration-years", "واستمرت الأشغال 3 سنوات.", []),
    case("duration-hours", "ووضع المشتبه فيه تحت الحراسة النظرية لمدة 48 ساعة.", []),
    case("duration-since", "وبدأ مشواره منذ 5 سنوات.", []),
    case("frequency", "وينشر حلقة جديدة 3 مرات في الأسبوع.", []),
    case("age", "ويتعلق الأمر بشاب يبلغ من العمر 24 عاما.", []),
    case("age-range", "وتتراوح أعمار الموقوفين ما بين 24 و51 سنة.", []),
    case("percent-sign", "وارتفع عدد الزوار بنسبة 15%.", []),
    case("percent-words", "وبلغت نسبة المشاركة 11.22 بالمائة.", []),
    case("percent-capped", "ولم تتجاوز حصة الأسماك المصنعة محليا 12 في المائة.", []),
    case("ordinal-word", "واختتمت النسخة السادسة من المعرض.", []),
    case("ordinal-label", "وانعقدت الدورة 93 للجمعية العامة.", []),
    case("ordinal-with-number-word", "واحتضنت المدينة الدورة الثالثة والتسعين للجمعية العامة.", []),
    case("ordinal-label-article-glued", "وانطلقت الدورة الـ19 لمهرجان موازين.", []),
    case("rank", "واحتل المغرب المرتبة الـ3 عالميا.", []),
    case("anniversary", "واحتفلت المؤسسة بالذكرى 50 لتأسيسها.", []),
    case("edition-of-an-event", "ونظمت النسخة 12 من الملتقى بحضور 300 مشارك.", [F("participants", 300)]),
    case("article-of-a-law", "وتنص المادة 3 من القانون على ذلك.", []),
    case("adverb-after-a-count", "ويستقبل المتحف 3 ملايين سنويا.", []),
    case("adverb-is-no-counted-noun", "وتنتج الوحدة 200 ألف طن سنويا، و50 ألفا شهريا.",
         [F("quantity", 200000), F("quantity", 50000, note="the noun of the list, not 'شهريا' (monthly)")]),
    case("date-day", "وانطلقت الحملة يوم 12 مارس 2025.", []),
    case("date-period", "ونظمت التظاهرة من 17 إلى 21 ماي 2025.", []),
    case("date-hijri", "وصادفت الزيارة يوم 20 صفر 1447هـ.", []),
    case("distance", "ووقع الحادث على بعد 30 كيلومترا من المدينة.", []),
    case("speed", "وبلغت سرعة السيارة 210 كيلومترات في الساعة.", []),
    case("temperature", "وبلغت درجة الحرارة 40 درجة مئوية.", []),
    case("average", "وبلغ متوسط حجم الأسرة 5.1 فرد.", []),
    case("version-number", "وأطلقت الهيئة النسخة 3.0 من التطبيق.", []),
    case("distractor-beside-a-fact", "وخلال 48 ساعة، أوقفت الشرطة 6 أشخاص.", [F("arrests", 6)]),
]


@pytest.mark.parametrize(("text", "facts", "ref", "checks"), NOT_FACTS)
def test_not_facts(text: str, facts: list[dict[str, Any]], ref: str | None, checks: Any) -> None:
    _run(text, facts, ref, checks)


# ---- totals, parts and checks -------------------------------------------------------------------

TOTALS = [
    case("parts-with-a-verb-after-the-elided-noun",
         "وفي المجموع، تم تسجيل 1500 مخالفة، من بينها 900 مخالفة تتعلق بالسرعة و600 تتعلق بالإشارات.",
         [F("violations", 1500, role="total"), F("violations", 900, role="part"),
          F("violations", 600, role="part", note="و600 تتعلق: the noun is elided, a verb follows")],
         checks=[C(1500, [900, 600], True)]),
    case("a-measure-is-no-part-of-a-count",
         "وأوقفت المصالح 1250 شخصا، من بينهم 320 قاصرا، وحجزت 3,5 أطنان من المخدرات.",
         [F("arrests", 1250), F("children", 320), F("seizures", 3.5, unit="t")],
         checks=[C(1250, [320], True)]),
    case("breakdown-kalaati",
         "وبلغ عدد المستفيدين 1200 مستفيد، يتوزعون كالآتي: 700 في المدن و500 في القرى.",
         [F("beneficiaries", 1200, role="total"), F("beneficiaries", 700, role="part"),
          F("beneficiaries", 500, role="part")],
         checks=[C(1200, [700, 500], True)]),
    case("of-which-short-of-the-total-is-some-of-it",
         "وسجلت المصالح ما مجموعه 90 حادثة، منها 40 في الطرق الوطنية و30 في الطرق الجهوية.",
         [F("accidents", 90, role="total"), F("accidents", 40, role="part"), F("accidents", 30, role="part")],
         checks=[C(90, [40, 30], True)]),
    case("breakdown-that-does-not-add-up",
         "وسجلت المصالح ما مجموعه 90 حادثة، موزعة على 40 في الطرق الوطنية و30 في الطرق الجهوية.",
         [F("accidents", 90, role="total"), F("accidents", 40, role="part"), F("accidents", 30, role="part")],
         checks=[C(90, [40, 30], False)]),
    case("of-which-over-the-total-does-not-hold",
         "وبلغ عدد الزوار 500 زائر، منهم 300 رجل و250 امرأة.",
         [F("visitors", 500, role="total"), F("men", 300, role="part"), F("women", 250, role="part")],
         checks=[C(500, [300, 250], False)]),
    case("total-then-idh",
         "ونظمت المديرية ما مجموعه 120 نشاطا، إذ نظمت 70 ورشة و50 لقاء.",
         [F("activities", 120, role="total"), F("trainings", 70, role="part"), F("meetings", 50, role="part")],
         checks=[C(120, [70, 50], True)]),
    case("in-addition-is-not-a-part",
         "وأنجزت المصالح ما مجموعه 120 نشاطا، إذ نظمت 70 ورشة و50 لقاء، علاوة على نشر 9 بلاغات.",
         [F("activities", 120, role="total"), F("trainings", 70, role="part"), F("meetings", 50, role="part"),
          F("communiques", 9, role=None)],
         checks=[C(120, [70, 50], True)]),
    case("total-per-platform",
         "وبلغ العدد الإجمالي لمتابعي حسابات الوزارة 900 ألف متابع، موزعين على فيسبوك بـ 500 ألف وإنستغرام بـ 400 ألف.",
         [F("followers", 900000, role="total"), F("followers", 500000, platform="facebook", role="part"),
          F("followers", 400000, platform="instagram", role="part")],
         checks=[C(900000, [500000, 400000], True)]),
    case("a-subgroup-is-some-of-the-total", "وتنافس 1055 مرشحا، من بينهم 122 امرأة.",
         [F("candidates", 1055, role="total"), F("women", 122, role="part")], checks=[C(1055, [122], True)]),
    case("spread-over-is-not-a-breakdown", "واستفاد 4500 تلميذ يتوزعون على 60 مؤسسة تعليمية.",
         [F("pupils", 4500, role=None), F("schools", 60, role=None)], checks=[]),
    case("sum-without-parts", "واستقبل المغرب ما مجموعه 13 مليون سائح.", [F("tourists", 13000000)], checks=[]),
]


@pytest.mark.parametrize(("text", "facts", "ref", "checks"), TOTALS)
def test_totals_and_checks(text: str, facts: list[dict[str, Any]], ref: str | None, checks: Any) -> None:
    _run(text, facts, ref, checks)


def test_a_number_paired_with_the_day_of_a_date_takes_no_month_for_its_noun() -> None:
    """``من 30 إلى 28 مايو``: not a range (the days run backwards), and 28 starts a date;
    30 is not paired with it, so it never takes the month name for its counted noun."""
    doc = arabic_stats.extract("ونشرت الصفحة 22 مقطع فيديو من 30 إلى 28 مايو 2019.")
    assert [f.metric_text for f in doc.facts if f.text == "30"] in ([], ["مقطع فيديو"])
    assert all(f.metric_text != "مايو" for f in doc.facts)


# ---- subjects ----------------------------------------------------------------------------------------

SUBJECTS = [
    ("وأوقفت المديرية العامة للأمن الوطني 12 شخصا.", "المديرية العامة للأمن الوطني"),
    ("وقال بلاغ لوزارة الصحة إن 45 إصابة سجلت.", "وزارة الصحة"),
    # ل and the article: the alef is dropped (للمديرية), and the article's lam before a lam (للجنة)
    ("وأوضح بلاغ للمديرية العامة للأمن الوطني أن مصالحها أوقفت 12 شخصا.", "المديرية العامة للأمن الوطني"),
    ("وحسب معطيات للمندوبية السامية للتخطيط، بلغ عدد العاطلين 1,6 مليون شخص.", "المندوبية السامية للتخطيط"),
    ("وحسب بلاغ للجنة الوطنية للانتخابات، صوت 5 ملايين ناخب.", "اللجنة الوطنية للانتخابات"),
    ("وأكد بيان للحماية المدنية أن وحداتها قامت بـ 12 ألف و500 تدخل.", "الحماية المدنية"),
    # after an event, not a source of figures, the name is no subject
    ("وبمناسبة الدورة 93 للجمعية العامة للأنتربول تم اعتماد 200 صحفي.", None),
    # a participle that agrees with the head carries the name on; a noun that does not stops it
    ("وأعلنت الهيئة العليا المستقلة للانتخابات أن 4 ملايين ناخب سجلوا أسماءهم.",
     "الهيئة العليا المستقلة للانتخابات"),
    ("وأفادت المفوضية السامية للأمم المتحدة أن 5000 لاجئ عادوا.", "المفوضية السامية للأمم المتحدة"),
    ("وافتتحت وزارة الثقافة المتحف الوطني الذي استقبل 5000 زائر.", "وزارة الثقافة"),
    # a date or a number is no part of a name (ألفا folds to الفا, which looks definite)
    ("وأعلنت الوزارة اليوم تسجيل 300 حالة.", None),
    ("واستقبل المستشفى ألفا من المرضى.", None),
    # a noun coordinated with the word after the head carries the name on; a relative pronoun does not
    ("وحصل حزب العدالة والتنمية على 125 مقعدا.", "حزب العدالة والتنمية"),
    ("وأعلنت وزارة الصحة والحماية الاجتماعية تسجيل 300 حالة.", "وزارة الصحة والحماية الاجتماعية"),
    ("وأعلنت وزارة الصحة التي سجلت 300 حالة.", "وزارة الصحة"),
]


@pytest.mark.parametrize(("text", "subject"), SUBJECTS,
                         ids=["name", "l-construct", "ll-alef", "ll-figures", "ll-lam", "ll-head-with-article",
                              "event-is-no-source", "participle", "participle-after-l-construct",
                              "noun-of-other-gender", "a-date-ends-the-name", "a-number-ends-the-name",
                              "coordinated-noun", "coordinated-noun-and-adjective", "relative-pronoun"])
def test_subject_is_the_organisation_named_before_the_count(text: str, subject: str | None) -> None:
    [fact] = arabic_stats.extract(text).facts
    assert fact.subject == subject


def test_the_reading_of_a_word_does_not_depend_on_the_hash_seed() -> None:
    """مدرسة is a school, though without its last letter (read as a pronoun suffix) it is
    مدرس, a teacher: the key that strips fewest letters wins, whatever order Python's
    string hashing gives the set of keys (it changes from one process to the next)."""
    code = ("import arabic_stats; print([f.metric for f in arabic_stats.extract("
            "'افتتحت الوزارة 120 مدرسة في الجنوب، وعين 300 مدرس.').facts])")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(6)}
    assert seen == {"['schools', 'teachers']"}


def test_a_list_among_a_total_is_not_complete() -> None:
    """After بينهم the text names some of the parts only: the check is not complete, and it
    holds when the parts do not exceed the total (a complete breakdown must add up)."""
    some = arabic_stats.extract("قتل 25 شخصا بينهم 6 أطفال و4 نساء في غارة.").checks
    too_many = arabic_stats.extract("قتل 25 شخصا بينهم 20 طفلا و10 نساء في غارة.").checks
    whole = arabic_stats.extract("وبلغ عدد الزوار 500 زائر، يتوزعون كالآتي: 300 رجل و150 امرأة.").checks
    of_which = arabic_stats.extract("يضم البرلمان 329 مقعدا، منها 83 مقعدا للنساء و9 مقاعد للأقليات.").checks
    assert [(c.complete, c.holds) for c in of_which] == [(False, True)]
    assert [(c.total, c.parts, c.complete, c.holds) for c in some] == [(25, [6, 4], False, True)]
    assert [(c.complete, c.holds) for c in too_many] == [(False, False)]
    assert [(c.total, c.complete, c.holds) for c in whole] == [(500, True, False)]
