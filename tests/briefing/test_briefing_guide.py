"""The authoring guide of the `briefing` extension documents all of it:
every directive, role, option, configuration value and warning subtype."""

from __future__ import annotations

from sitebuild import REPO

from briefing.diagnostics import SUBTYPES

GUIDE = REPO / "source" / "guide" / "briefings.md"


def test_guide_documents_every_directive_role_option_config_and_subtype():
    from briefing.catalogue import TechnologiesDirective
    from briefing.figures import FiguresDirective
    from briefing.metric import MetricDirective
    from briefing.ranking import RankingDirective
    from briefing.technology import TechnologyDirective

    guide = GUIDE.read_text("utf-8")
    for subtype in SUBTYPES:
        assert f"`briefing.{subtype}`" in guide, subtype
    for name in ("technology", "technologies", "metric", "ranking", "figures", "timeline",
                 "disclaimer"):
        assert f"{{{name}}}" in guide and f".. {name}::" in guide, name
    for role in ("tech", "stage"):
        assert f"{{{role}}}`" in guide and f":{role}:`" in guide, role
    for directive in (TechnologyDirective, TechnologiesDirective, MetricDirective,
                      RankingDirective, FiguresDirective):
        for option in directive.option_spec:
            assert f"| `{option}` |" in guide, (directive.__name__, option)
    for config in ("briefing_areas", "briefing_stages", "briefing_disclaimers"):
        assert f"`{config}`" in guide, config
