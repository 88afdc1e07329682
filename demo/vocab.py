"""The label vocabulary of /work/shared/DOMAIN.md, copied as plain data.

The demo's ground truth must use exactly these ids. They are duplicated here
on purpose (the demo may not import the pipeline), and the product alias
table is the demo's own: products in the truth are derived from a sentence's
final text with it, so a product swap in a repost relabels automatically.
"""

from __future__ import annotations

TOPICS: tuple[str, ...] = (
    "overdue_grace",
    "credit_report",
    "penalty_fees",
    "debtor_contact",
    "contacts_family",
    "third_party_agency",
    "home_visit",
    "legal_action",
    "criminal_risk",
    "negotiation",
    "complaints_rights",
    "account_impact",
    "debt_help_scam",
    "fake_collection",
    "bad_debt_transfer",
)
STANCES: tuple[str, ...] = ("affirms", "denies", "conditional", "question")
MODALITIES: tuple[str, ...] = ("descriptive", "normative", "advice")
HEDGES: tuple[str, ...] = ("none", "possibility", "frequency")
ANCHORS: tuple[str, ...] = ("overdue", "retention", "installment")

# canonical product name -> aliases (the canonical name is itself an alias)
PRODUCT_ALIASES: dict[str, tuple[str, ...]] = {
    "花呗": ("蚂蚁花呗", "支付宝花呗", "花唄"),
    "借呗": ("蚂蚁借呗", "借唄"),
    "京东白条": ("白条",),
    "京东金条": ("金条",),
    "微粒贷": ("微众银行微粒贷",),
    "网商贷": (),
    "信用卡": ("卡债", "银行信用卡"),
    "美团月付": (),
    "美团借钱": (),
    "抖音月付": (),
    "放心借": (),
    "度小满": ("有钱花",),
    "招联": ("招联金融", "好期贷"),
    "安逸花": ("马上消费",),
    "360借条": ("奇富借条",),
    "分期乐": (),
    "还呗": (),
    "建行快贷": (),
    "云闪付": (),
    "网贷": ("网络贷款", "网上贷款"),
}
PRODUCTS: tuple[str, ...] = tuple(PRODUCT_ALIASES)

_ALIAS_TO_PRODUCT: dict[str, str] = {
    alias: name
    for name, aliases in PRODUCT_ALIASES.items()
    for alias in (name, *aliases)
}
_ALIASES_LONGEST_FIRST: tuple[str, ...] = tuple(
    sorted(_ALIAS_TO_PRODUCT, key=len, reverse=True)
)


def find_products(text: str) -> list[str]:
    """Canonical products named in *text*, in order of first mention, without repeats.

    Longest alias wins at each position, so 京东白条 is one product and the 白条
    inside it is not counted again. Brand names alone (京东, 美团, 支付宝) are
    not aliases, following DOMAIN.md.
    """
    found: list[str] = []
    i = 0
    while i < len(text):
        for alias in _ALIASES_LONGEST_FIRST:
            if text.startswith(alias, i):
                product = _ALIAS_TO_PRODUCT[alias]
                if product not in found:
                    found.append(product)
                i += len(alias)
                break
        else:
            i += 1
    return found
