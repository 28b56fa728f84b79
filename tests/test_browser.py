"""The web app as a person uses it, in Debian's Chromium (headless, through Playwright): upload a
sample, read its report in zh and en, store it with a token, find it on the home page and open the
cluster's charts. Screenshots are kept in test-artifacts/screenshots/."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import URIRef

from browser import chromium, live_server, screenshot
from checker.paths import EXAMPLES_DIR
from checker.rulebook import Level, load_rulebook
from checker.store import cluster_key
from checker.tokens import TokenFile

DATANG = EXAMPLES_DIR / "datang-socks.ttl"
DEHUA = EXAMPLES_DIR / "dehua-ceramics.ttl"
HOSTILE_LABEL = ('<script>window.__bcicXss = 1</script>'
                 '<img src="x" onerror="window.__bcicXss = 2">Dehua & co')


def _upload(tab: object, base: str, files: list[Path] | None = None, text: str | None = None,
            token: str | None = None) -> None:
    tab.goto(base + "/validate?lang=en")  # type: ignore[attr-defined]
    if files:
        tab.set_input_files("input[name=files]", [str(f) for f in files])  # type: ignore[attr-defined]
    if text is not None:
        tab.fill("textarea[name=text]", text)  # type: ignore[attr-defined]
    if token is not None:
        tab.check("input[name=store]")  # type: ignore[attr-defined]
        tab.fill("input[name=token]", token)  # type: ignore[attr-defined]
    with tab.expect_navigation():  # type: ignore[attr-defined]
        tab.click("form.stack button[type=submit]")  # type: ignore[attr-defined]


def test_an_uploaded_sample_is_reported_in_english_and_in_chinese(make_web_app,
                                                                 tmp_path: Path) -> None:
    app = make_web_app(tmp_path / "store")
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        _upload(tab, base, files=[DATANG])
        assert "/validations/" in tab.url
        assert tab.inner_text("#verdict").startswith("Verdict: not conformant")
        screenshot(tab, "report-en")
        # Filter to unmet requirements: the shall-level ones are exactly the gaps the sample
        # promises.
        tab.select_option("form.filters select[name=status]", "not_met")
        with tab.expect_navigation():
            tab.click("form.filters button[type=submit]")
        shown = tab.eval_on_selector_all("article.requirement[data-status=not_met]",
                                         "rows => rows.map(r => r.id.slice(4))")
        expected = json.loads((EXAMPLES_DIR / "expected.json").read_text(encoding="utf-8"))
        requirements = load_rulebook().requirements
        shall = {r for r in shown if requirements[r].level is Level.SHALL}
        assert shall == set(expected["datang-socks.ttl"]["unmet_shall"])
        with tab.expect_navigation():
            tab.click("header.site a[hreflang=zh]")
        assert "结论：不符合" in tab.inner_text("#verdict").replace(": ", "：")
        assert "人工评审" in tab.inner_text("#manual-review")
        screenshot(tab, "report-zh")
        assert not errors, errors


def test_literal_values_with_html_and_script_render_as_text(make_web_app, tmp_path: Path) -> None:
    hostile = DEHUA.read_text(encoding="utf-8").replace(
        '"Dehua ceramics industrial cluster"@en',
        '"' + HOSTILE_LABEL.replace('"', '\\"') + '"@en', 1)
    assert HOSTILE_LABEL.replace('"', '\\"') in hostile
    app = make_web_app(tmp_path / "store")
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        dialogs: list[str] = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        _upload(tab, base, text=hostile)
        assert tab.evaluate("window.__bcicXss === undefined")
        assert tab.locator("img[src=x]").count() == 0
        assert HOSTILE_LABEL in tab.inner_text("dl.meta")
        screenshot(tab, "report-hostile-label")
        assert not dialogs


def test_an_evaluator_stores_a_revision_and_opens_the_cluster_charts(make_web_app,
                                                                    tmp_path: Path) -> None:
    app = make_web_app(tmp_path / "store")
    _record, token = TokenFile(app.config["BCIC_TOKENS"]).create("evaluator", "browser test")
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        _upload(tab, base, files=[DATANG], token="wrong-token")
        assert tab.locator("#validate-error").get_attribute("data-status") == "401"
        _upload(tab, base, files=[DEHUA], token=token)
        _upload(tab, base, files=[DATANG], token=token)
        assert "/revisions/1" in tab.url
        tab.goto(base + "/?lang=zh")
        rows = tab.locator("#clusters tbody tr")
        assert rows.count() == 2
        tab.click("#clusters a:has-text('大唐')")
        tab.wait_for_load_state("load")
        assert "/clusters/" in tab.url
        drawn = tab.evaluate("[...document.querySelectorAll('canvas')].filter("
                             "c => Chart.getChart(c)).length")
        assert drawn >= 1
        screenshot(tab, "cluster-charts")



def test_the_html_report_hides_emptied_clauses_on_screen_and_prints_legibly() -> None:
    from checker.render import render_report
    from checker.validation import validate_files

    html = render_report(validate_files([DATANG]), "html", "zh")
    with chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        tab.set_content(html)
        clause = "[id='clause-5.1']"  # no gap: nothing under it once only "not met" is shown
        assert tab.is_visible(clause)
        tab.click("label[for=f-not_met]")
        assert not tab.is_visible(clause)
        assert tab.is_visible("[id='clause-5.2.2']")  # it holds an unmet requirement
        screenshot(tab, "html-report-not-met")
        tab.emulate_media(media="print")
        style = tab.evaluate("""() => {
            const css = (selector) => getComputedStyle(document.querySelector(selector));
            const badge = css(".req.s-not_met .badge"), bar = css(".bar span");
            return {background: badge.backgroundColor, colour: badge.color,
                    chips: css("nav.filter").display, clause: css("[id='clause-5.1']").display,
                    adjust: bar.printColorAdjust || bar.webkitPrintColorAdjust};
        }""")
        # Dark status colour on white, never white on colour; chips off; every clause printed.
        assert style == {"background": "rgb(255, 255, 255)", "colour": "rgb(207, 34, 46)",
                         "chips": "none", "clause": "block", "adjust": "exact"}
        screenshot(tab, "html-report-print")


def test_a_printed_report_page_is_the_report_alone_and_says_its_filter(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    """Paper: no site header, navigation, footer or link to the cluster's other revisions; the
    filter said (18 of 132 shown, and by what); a heading never left at the foot of a page."""
    key = cluster_key(URIRef("https://example.org/cluster/datang/cluster"))
    app = make_web_app(sample_store)
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        tab.goto(f"{base}/clusters/{key}/revisions/1?lang=en&status=not_met")
        tab.emulate_media(media="print")
        shown = tab.evaluate("""() => {
            const shown = (selector) => [...document.querySelectorAll(selector)]
                .some(e => e.getClientRects().length > 0);
            return {header: shown("header.site"), footer: shown("footer.site"),
                    cluster_link: shown(".report-kind a"), filters: shown("form.filters"),
                    filter_said: shown("#shown"),
                    keep: getComputedStyle(document.querySelector(".clause h4")).breakAfter};
        }""")
        assert shown == {"header": False, "footer": False, "cluster_link": False,
                         "filters": False, "filter_said": True, "keep": "avoid"}
        assert tab.inner_text("#shown") == "18 of 132 requirements shown (filtered by “Status: not met”)"
        screenshot(tab, "report-page-print")


def test_an_evaluator_filters_the_clusters_by_keyboard_and_pages_through_them(
        make_web_app, sample_store: Path) -> None:  # type: ignore[no-untyped-def]
    """The home page's filter is reached by its label and sent with Enter (a GET form); the
    page links walk the list one cluster at a time."""
    with live_server(make_web_app(sample_store)) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        tab.goto(base + "/?lang=zh&limit=1")
        assert tab.locator("#clusters tbody tr").count() == 1
        tab.get_by_label("名称或 IRI 包含").focus()
        tab.keyboard.type("德化")
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
        assert "q=%E5%BE%B7%E5%8C%96" in tab.url and "limit=1" in tab.url
        assert tab.locator("#clusters tbody tr").inner_text().startswith("德化陶瓷产业集群")
        tab.goto(base + "/?lang=en&limit=1")
        seen = [tab.locator("#clusters-shown").inner_text()]
        while tab.locator("a[rel=next]").count():
            tab.locator("a[rel=next]").focus()
            with tab.expect_navigation():
                tab.keyboard.press("Enter")
            seen.append(tab.locator("#clusters-shown").inner_text())
        assert [s.split(" ·")[0] for s in seen] == [f"Cluster {n} of 3" for n in (1, 2, 3)]
        screenshot(tab, "clusters-paged")


def test_the_rationale_box_says_the_language_its_evaluator_chose(make_web_app,
                                                                  tmp_path: Path) -> None:
    """Decision 20: a rationale written in English on the Chinese page is marked English
    (`lang`), for spell checkers, input methods and screen readers, as it is stored."""
    app = make_web_app(tmp_path / "store")
    _record, token = TokenFile(app.config["BCIC_TOKENS"]).create("evaluator", "browser test")
    stored = app.test_client().post("/api/clusters/revisions", data=DEHUA.read_bytes(),
                                    content_type="text/turtle",
                                    headers={"Authorization": f"Bearer {token}"})
    assert stored.status_code == 201
    key = cluster_key(URIRef("https://example.org/cluster/dehua/cluster"))
    with live_server(app) as base, chromium() as browser:
        tab = browser.new_page()  # type: ignore[attr-defined]
        tab.goto(f"{base}/clusters/{key}/revisions/1?lang=zh")
        tab.click("#judge-6\\.1 summary")
        note = tab.locator("#judge-6\\.1 textarea[name=note]")
        assert note.get_attribute("lang") == "zh"
        tab.select_option("#judge-6\\.1 select[name=note_lang]", "en")
        assert note.get_attribute("lang") == "en"
        tab.select_option("#judge-6\\.1 select[name=note_lang]", "zh")
        assert note.get_attribute("lang") == "zh"
