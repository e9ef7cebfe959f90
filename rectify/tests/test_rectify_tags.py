"""Template helpers: highlighting escapes before marking, excerpts keep the match, language links."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from rectify.templatetags.rectify_tags import excerpt, highlight, html_lang


def test_highlight_escapes_text_then_marks_every_match():
    assert highlight("<b>补助</b>与补助", "补助") == "&lt;b&gt;<mark>补助</mark>&lt;/b&gt;与<mark>补助</mark>"


def test_highlight_never_matches_inside_the_entities_escaping_creates():
    assert highlight("A&B", "amp") == "A&amp;B"
    assert highlight("a<mark>", "mark") == "a&lt;<mark>mark</mark>&gt;"


def test_highlight_treats_the_query_as_text_not_a_pattern():
    assert highlight("1.5元和105元", ".5") == "1<mark>.5</mark>元和105元"


def test_highlight_without_query_only_escapes():
    assert highlight("<i>x</i>", "") == "&lt;i&gt;x&lt;/i&gt;"


def test_excerpt_keeps_the_match_with_context_and_ellipses():
    text = "甲" * 200 + "公众号" + "乙" * 200
    result = excerpt(text, "公众号")
    assert "公众号" in result and result.startswith("…") and result.endswith("…")
    assert len(result) < len(text) // 2


def test_excerpt_of_short_text_is_the_text():
    assert excerpt("短文本公众号", "公众号") == "短文本公众号"


@pytest.mark.parametrize(("code", "tag"), [("zh-hans", "zh-CN"), ("en", "en")])
def test_html_lang(code, tag):
    assert html_lang(code) == tag


@pytest.mark.urls("rectify.urls")
def test_language_url_keeps_query_string():
    request = RequestFactory().get("/problems/", {"status": "open", "q": "补助"})
    rendered = Template("{% load rectify_tags %}{% language_url 'en' %}").render(Context({"request": request}))
    assert rendered.startswith("/en/problems/?") and "status=open" in rendered
