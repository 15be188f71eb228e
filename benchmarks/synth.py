"""A synthetic archive of Arabic news articles, generated deterministically.

The benchmark needs many *varied* articles, not one text repeated: different countries
write months differently (يناير / جانفي / كانون الثاني), some print Arabic-Indic digits,
others ASCII, numbers come in digits, words or both, with qualifiers, percentages,
platforms and metrics. Every article is built from sentence templates by a
``random.Random`` seeded from ``(seed, index)``, so article ``i`` is the same on every
machine and can be generated on its own (a stream, a Dask partition) without the ones
before it. Nothing is downloaded.

>>> a = article(7)
>>> a == article(7) and a.text != article(8).text
True
>>> len(list(archive(3)))
3
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Article", "archive", "article", "big_text", "spell", "render_number"]

SEED = 2026

# ---- vocabulary ------------------------------------------------------------------------------

MONTHS = {
    "msa": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
            "نوفمبر", "ديسمبر"],
    "egypt": ["يناير", "فبراير", "مارس", "إبريل", "مايو", "يونيه", "يوليه", "أغسطس", "سبتمبر", "أكتوبر",
              "نوفمبر", "ديسمبر"],
    "morocco": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر",
                "نونبر", "دجنبر"],
    "maghreb": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
                "نوفمبر", "ديسمبر"],
    "levant": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
               "تشرين الأول", "تشرين الثاني", "كانون الأول"],
}
HIJRI_MONTHS = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
                "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


@dataclass(frozen=True)
class Country:
    name: str
    cities: tuple[str, ...]
    months: str  # key of MONTHS
    indic_digits: float  # share of numbers printed in Arabic-Indic digits
    currency: str
    bodies: tuple[str, ...]


COUNTRIES = (
    Country("المغرب", ("الرباط", "الدار البيضاء", "مراكش", "فاس", "طنجة", "أكادير"), "morocco", 0.0, "درهم",
            ("المديرية العامة للأمن الوطني", "وزارة التربية الوطنية", "المندوبية السامية للتخطيط",
             "الوكالة الوطنية للمياه والغابات")),
    Country("الجزائر", ("الجزائر العاصمة", "وهران", "قسنطينة", "عنابة", "سطيف"), "maghreb", 0.0, "دينار",
            ("المديرية العامة للحماية المدنية", "وزارة الصحة", "الديوان الوطني للإحصائيات")),
    Country("تونس", ("تونس العاصمة", "صفاقس", "سوسة", "القيروان", "بنزرت"), "maghreb", 0.0, "دينار",
            ("وزارة الداخلية", "المعهد الوطني للإحصاء", "الديوان الوطني للسياحة")),
    Country("مصر", ("القاهرة", "الإسكندرية", "الجيزة", "أسوان", "المنصورة"), "egypt", 0.5, "جنيه",
            ("وزارة الصحة والسكان", "الجهاز المركزي للتعبئة العامة والإحصاء", "هيئة تنشيط السياحة")),
    Country("السعودية", ("الرياض", "جدة", "مكة المكرمة", "الدمام", "المدينة المنورة"), "msa", 0.7, "ريال",
            ("وزارة الحج والعمرة", "الهيئة العامة للإحصاء", "المديرية العامة للدفاع المدني")),
    Country("الإمارات", ("أبوظبي", "دبي", "الشارقة", "العين"), "msa", 0.3, "درهم",
            ("هيئة الطرق والمواصلات", "شرطة دبي", "المركز الاتحادي للتنافسية والإحصاء")),
    Country("الأردن", ("عمان", "إربد", "الزرقاء", "العقبة"), "levant", 0.2, "دينار",
            ("دائرة الإحصاءات العامة", "مديرية الأمن العام", "وزارة التربية والتعليم")),
    Country("لبنان", ("بيروت", "طرابلس", "صيدا", "زحلة"), "levant", 0.1, "ليرة",
            ("وزارة الصحة العامة", "الصليب الأحمر اللبناني", "المديرية العامة للأمن العام")),
    Country("العراق", ("بغداد", "البصرة", "الموصل", "أربيل", "النجف"), "levant", 0.6, "دينار",
            ("وزارة الداخلية", "الجهاز المركزي للإحصاء", "هيئة النزاهة")),
    Country("سوريا", ("دمشق", "حلب", "حمص", "اللاذقية"), "levant", 0.4, "ليرة",
            ("وزارة التربية", "المكتب المركزي للإحصاء")),
    Country("قطر", ("الدوحة", "الوكرة", "الخور"), "msa", 0.5, "ريال",
            ("جهاز التخطيط والإحصاء", "وزارة الداخلية")),
    Country("الكويت", ("مدينة الكويت", "حولي", "الجهراء"), "msa", 0.5, "دينار",
            ("الإدارة المركزية للإحصاء", "وزارة الصحة")),
)

PLATFORMS = ("إكس", "تويتر", "فيسبوك", "فايسبوك", "إنستغرام", "انستقرام", "يوتيوب", "تيك توك", "لينكدإن",
             "تلغرام", "واتساب", "سناب شات", "Facebook", "Instagram", "YouTube", "TikTok")

# (singular after 11..99 / 1000.. , plural after 3..10)
METRICS = (
    ("متابع", "متابعين"), ("مشترك", "مشتركين"), ("مشاهدة", "مشاهدات"), ("زائر", "زوار"),
    ("إعجاب", "إعجابات"), ("منشور", "منشورات"), ("مؤسسة تعليمية", "مؤسسات تعليمية"),
    ("تلميذ", "تلاميذ"), ("مستفيد", "مستفيدين"), ("جمعية", "جمعيات"), ("صحفي", "صحفيين"),
    ("شكاية", "شكايات"), ("حالة", "حالات"), ("ضحية", "ضحايا"), ("مكالمة", "مكالمات"),
    ("موظف", "موظفين"), ("مركبة", "مركبات"), ("مشارك", "مشاركين"), ("زيارة", "زيارات"),
    ("بلاغ", "بلاغات"), ("مشروع", "مشاريع"), ("طفل", "أطفال"), ("سائح", "سياح"), ("مسافر", "مسافرين"),
)
QUALIFIERS = ("", "", "", "أكثر من ", "حوالي ", "نحو ", "قرابة ", "ما يزيد عن ", "أزيد من ", "أقل من ",
              "ما لا يقل عن ", "زهاء ")
UNITS = ("كيلوغرام", "طن", "لتر", "قرص مهلوس")

FILLERS = (
    "وأكد المسؤول أن هذه النتائج تعكس المجهودات المبذولة من طرف مختلف المصالح.",
    "ويأتي ذلك في إطار تنزيل الاستراتيجية الوطنية التي أطلقتها الحكومة.",
    "وأشار البلاغ إلى أن العمليات ستتواصل وفق برنامج محدد بتنسيق مع السلطات المحلية.",
    "وشدد المتحدث على ضرورة تعزيز التواصل مع المواطنين وتحسين جودة الخدمات.",
    "من جهة أخرى، دعت الجمعيات المهنية إلى مراجعة الإطار القانوني المنظم للقطاع.",
    "وتندرج هذه المبادرة ضمن سلسلة من الإجراءات الرامية إلى تقريب الإدارة من المرتفقين.",
    "وفي سياق متصل، عقدت اللجنة اجتماعا لتقييم الحصيلة ووضع خطة للمرحلة المقبلة.",
    "وأضاف المصدر ذاته أن التحقيقات ما تزال جارية لتحديد جميع الملابسات.",
    "ويرى متابعون للشأن المحلي أن هذه الأرقام تستدعي قراءة متأنية.",
    "كما نوه التقرير بانخراط فعاليات المجتمع المدني في إنجاح هذه المحطة.",
    "وتسعى الوزارة إلى تعميم التجربة على باقي الجهات خلال المرحلة المقبلة.",
    "ولم يصدر أي تعليق رسمي إلى حدود كتابة هذه السطور.",
    "وعبر عدد من المواطنين عن ارتياحهم للخدمات المقدمة في عين المكان.",
    "وتم تسخير إمكانيات بشرية ولوجستيكية مهمة لضمان السير العادي للعملية.",
    "وتبقى هذه المؤشرات قابلة للتحيين في ضوء المعطيات الجديدة.",
)
HEADLINES = (
    "حصيلة {body} برسم سنة {year}",
    "{body}: أرقام قياسية على منصات التواصل الاجتماعي",
    "{city}.. ارتفاع ملحوظ في عدد {metric_plural}",
    "تقرير جديد يرصد تطور المؤشرات في {country}",
    "أرقام {body} تكشف حجم الإقبال خلال {month_year}",
)

# ---- numbers in words ------------------------------------------------------------------------

_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_TEENS = ["عشرة", "أحد عشر", "اثنا عشر", "ثلاثة عشر", "أربعة عشر", "خمسة عشر", "ستة عشر", "سبعة عشر",
          "ثمانية عشر", "تسعة عشر"]
_TENS = ["", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_HUNDREDS = ["", "مائة", "مئتان", "ثلاثمائة", "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة", "ثمانمائة",
             "تسعمائة"]
# (one, two, 3..10 plural, 11+ accusative)
_SCALES = [(10**9, ("مليار", "ملياران", "مليارات", "مليارا")),
           (10**6, ("مليون", "مليونان", "ملايين", "مليونا")),
           (10**3, ("ألف", "ألفان", "آلاف", "ألفا"))]


def _below_thousand(n: int) -> str:
    parts = []
    h, rest = divmod(n, 100)
    if h:
        parts.append(_HUNDREDS[h])
    if rest:
        if rest < 10:
            parts.append(_UNITS[rest])
        elif rest < 20:
            parts.append(_TEENS[rest - 10])
        else:
            t, u = divmod(rest, 10)
            parts.append(f"{_UNITS[u]} و{_TENS[t]}" if u else _TENS[t])
    return " و".join(parts)


def spell(n: int) -> str:
    """Arabic words for ``0 <= n < 10**12`` (nominative, the way news text writes them).

    >>> spell(2400000)
    'مليونان وأربعمائة ألف'
    >>> spell(1268153)
    'مليون ومئتان وثمانية وستون ألفا ومائة وثلاثة وخمسون'
    """
    if n == 0:
        return "صفر"
    parts = []
    for scale, (one, two, plural, many) in _SCALES:
        k, n = divmod(n, scale)
        if not k:
            continue
        if k == 1:
            parts.append(one)
        elif k == 2:
            parts.append(two)
        elif k <= 10:
            parts.append(f"{_below_thousand(k)} {plural}")
        else:
            parts.append(f"{_below_thousand(k)} {many if k % 100 > 10 else one}")
    if n:
        parts.append(_below_thousand(n))
    return " و".join(parts)


_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_INDIC_GROUPS = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٬")  # both group separators become ٬


def render_number(n: int, rng: random.Random, indic: float = 0.0) -> str:
    """``n`` as a news article might print it: grouped digits in several styles, words,
    or digits mixed with scale words (``مليون و268 ألف و153``, ``2.5 مليار``)."""
    style = rng.random()
    if n >= 10**6 and style < 0.15:
        m, rest = divmod(n, 10**6)
        if rest == 0:
            return f"{m} مليون"
        if rest % 1000 == 0 and m < 10:
            return f"{m},{rest // 10**5} مليون".replace(",", ".")
        k, u = divmod(rest, 1000)
        return f"{'مليون' if m == 1 else ('مليونين' if m == 2 else f'{m} مليون')} و{k} ألف" + (f" و{u}" if u else "")
    if 1000 <= n < 10**6 and style < 0.15:
        k, u = divmod(n, 1000)
        head = {1: "ألف", 2: "ألفين"}.get(k, f"{k} ألف")
        return head + (f" و{u}" if u else "")
    if n < 10**7 and style < 0.28:
        return spell(n)
    digits = str(n)
    shape = rng.random()
    if n >= 1000 and shape < 0.4:
        digits = f"{n:,}"
    elif n >= 1000 and shape < 0.5:
        digits = f"{n:,}".replace(",", ".")
    elif n >= 10000 and shape < 0.6:
        digits = f"{n:,}".replace(",", " ")
    if rng.random() < indic:
        digits = digits.translate(_INDIC_GROUPS)
    return digits


def _magnitude(rng: random.Random) -> int:
    return int(10 ** rng.uniform(0.5, 7.5)) if rng.random() < 0.9 else rng.randint(10**8, 3 * 10**9)


# ---- dates ---------------------------------------------------------------------------------------

def _digits(s: str, indic: bool) -> str:
    return s.translate(_INDIC) if indic else s


def _date_expr(rng: random.Random, c: Country, day: dt.date, indic: bool) -> str:
    months = MONTHS[c.months]
    month = months[day.month - 1]
    if c.months == "levant" and rng.random() < 0.2:
        month = f"{month}/{MONTHS['msa'][day.month - 1]}"
    d, y = _digits(str(day.day), indic), _digits(str(day.year), indic)
    kind = rng.randrange(12)
    if kind == 0:
        return f"{WEEKDAYS[day.weekday()]} {d} {month} {y}"
    if kind == 1:
        return f"{d} {month} {y}"
    if kind == 2:
        return f"في {month} {y}"
    if kind == 3:
        return _digits(f"{day.day:02d}/{day.month:02d}/{day.year}", indic)
    if kind == 4:
        return day.isoformat()
    if kind == 5:
        end = min(day.day + rng.randint(1, 6), 28)
        return f"من {d} إلى {_digits(str(end), indic)} {month} {y}"
    if kind == 6:
        return f"خلال سنة {y}"
    if kind == 7:
        return f"برسم سنة {y}"
    if kind == 8:
        return rng.choice(["الأسبوع الماضي", "الشهر الجاري", "أمس", "العام الماضي", "السنة الجارية",
                           "منذ ثلاث سنوات", "قبل يومين", "الشهر الماضي"])
    if kind == 9:
        half = rng.choice(["النصف الأول من", "النصف الثاني من", "الربع الثالث من سنة", "الربع الأول من"])
        return f"{half} {y}"
    if kind == 10:
        hijri_year = day.year - 579
        return f"{rng.randint(1, 28)} {rng.choice(HIJRI_MONTHS)} {_digits(str(hijri_year), indic)}هـ"
    return f"بين {d} و{_digits(str(min(day.day + 3, 28)), indic)} {month}"


# ---- sentences --------------------------------------------------------------------------------------

def _count_phrase(rng: random.Random, n: int, metric: tuple[str, str], c: Country) -> str:
    text = render_number(n, rng, c.indic_digits)
    noun = metric[1] if 3 <= n <= 10 else metric[0]
    return f"{rng.choice(QUALIFIERS)}{text} {noun}"


def _sentence(rng: random.Random, c: Country, day: dt.date, indic: bool) -> str:
    body, city = rng.choice(c.bodies), rng.choice(c.cities)
    p1, p2, p3 = rng.sample(PLATFORMS, 3)
    m1, m2 = rng.sample(METRICS, 2)
    n1, n2, n3 = _magnitude(rng), _magnitude(rng), _magnitude(rng)
    date = _date_expr(rng, c, day, indic)
    pct = f"{rng.randint(1, 99)}{rng.choice(['%', ' في المائة', ' في المئة', '٪'])}"
    k = rng.randrange(14)
    if k == 0:
        return f"أعلنت {body} أن عدد متابعيها على منصة {p1} تجاوز {render_number(n1, rng, c.indic_digits)} متابع {date}."
    if k == 1:
        return f"وبلغ عدد زوار الموقع الرسمي {date} {_count_phrase(rng, n1, ('زائر', 'زوار'), c)}."
    if k == 2:
        return f"وسجلت المصالح المختصة بمدينة {city} {_count_phrase(rng, n1, m1, c)} {date}."
    if k == 3:
        return (f"وحقق المقطع {_count_phrase(rng, n1, ('مشاهدة', 'مشاهدات'), c)} على {p1}، و"
                f"{render_number(n2, rng, c.indic_digits)} على {p2}.")
    if k == 4:
        return f"وارتفعت نسبة {m1[1]} إلى {pct} مقارنة مع {rng.randint(1, 99)}% خلال السنة الماضية."
    if k == 5:
        return (f"ونشرت الصفحة الرسمية {_count_phrase(rng, n1 % 5000 + 3, ('منشور', 'منشورات'), c)} و"
                f"{render_number(n2 % 900 + 11, rng, c.indic_digits)} مقطع فيديو على {p1} {date}.")
    if k == 6:
        return (f"ويتوزع المجموع البالغ {render_number(n1 + n2 + n3, rng, c.indic_digits)} {m1[0]} كالآتي: "
                f"{render_number(n1, rng, c.indic_digits)} في حساب {p1}، و{render_number(n2, rng, c.indic_digits)} "
                f"في حساب {p2}، و{render_number(n3, rng, c.indic_digits)} في حساب {p3}.")
    if k == 7:
        return (f"ورصدت الحكومة غلافا ماليا قدره {render_number(n1 * 1000, rng, c.indic_digits)} {c.currency} "
                f"لتمويل {_count_phrase(rng, n2 % 400 + 3, ('مشروع', 'مشاريع'), c)}.")
    if k == 8:
        return (f"وتم توقيف {_count_phrase(rng, n1 % 300 + 2, ('شخص', 'أشخاص'), c)} وحجز "
                f"{render_number(n2 % 5000 + 1, rng, c.indic_digits)} {rng.choice(UNITS)} {date}.")
    if k == 9:
        return (f"وأسفر الحادث الذي وقع {date} عن وفاة {render_number(n1 % 40 + 1, rng, c.indic_digits)} أشخاص "
                f"وإصابة {render_number(n2 % 90 + 2, rng, c.indic_digits)} آخرين بجروح متفاوتة الخطورة.")
    if k == 10:
        y = day.year
        return (f"وتضم الجهة {_count_phrase(rng, n1 % 3000 + 20, ('مؤسسة تعليمية', 'مؤسسات تعليمية'), c)} و"
                f"{render_number(n2, rng, c.indic_digits)} تلميذ وتلميذة برسم الموسم الدراسي {y - 1}-{y}.")
    if k == 11:
        return f"وقد احتلت {city} المرتبة {rng.choice(['الأولى', 'الثانية', 'الثالثة', 'الخامسة عشرة'])} وطنيا {date}."
    if k == 12:
        return (f"وللاستفسار يمكن الاتصال بالرقم {rng.randint(10**8, 10**9 - 1)} أو زيارة الموقع "
                f"www.example{rng.randint(1, 99)}.org طيلة أيام الأسبوع.")
    return (f"وأوضح التقرير أن {_count_phrase(rng, n1, m1, c)} و{_count_phrase(rng, n2, m2, c)} "
            f"تم تسجيلها {date} في {c.name}.")


@dataclass(frozen=True)
class Article:
    """One synthetic article: its index, country, publication date and text."""

    index: int
    country: str
    date: dt.date
    text: str


def article(index: int, seed: int = SEED) -> Article:
    """Article number ``index`` of the archive (independent of every other one)."""
    rng = random.Random(seed * 1_000_003 + index)
    c = COUNTRIES[rng.randrange(len(COUNTRIES))]
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
    indic = rng.random() < c.indic_digits
    months = MONTHS[c.months]
    headline = rng.choice(HEADLINES).format(
        body=rng.choice(c.bodies), year=_digits(str(published.year), indic), city=rng.choice(c.cities),
        metric_plural=rng.choice(METRICS)[1], country=c.name,
        month_year=f"{months[published.month - 1]} {_digits(str(published.year), indic)}")
    dateline = f"{rng.choice(c.cities)} - {_date_expr(rng, c, published, indic).strip()}"
    paragraphs = [headline, dateline]
    for _ in range(rng.randint(2, 6)):
        sentences = []
        for _ in range(rng.randint(2, 5)):
            past = published - dt.timedelta(days=rng.randrange(400))
            if rng.random() < 0.35:
                sentences.append(rng.choice(FILLERS))
            else:
                sentences.append(_sentence(rng, c, past, indic))
        paragraphs.append(" ".join(sentences))
    return Article(index, c.name, published, "\n\n".join(paragraphs) + "\n")


def archive(n: int = 10_000, seed: int = SEED, start: int = 0) -> Iterator[Article]:
    """Articles ``start .. start + n - 1`` of the synthetic archive."""
    for i in range(start, start + n):
        yield article(i, seed)


FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def big_text(size_bytes: int = 5_000_000, fixtures: Path = FIXTURES) -> str:
    """One large news text: the fixture articles (``tests/fixtures/**/*.txt``: the two
    seed articles and the fact fixtures) repeated until the text is at least
    ``size_bytes`` of UTF-8."""
    paths = sorted(fixtures.rglob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no fixture articles in {fixtures}")
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in paths) + "\n\n"
    reps = -(-size_bytes // len(unit.encode("utf-8")))
    return unit * max(reps, 1)
