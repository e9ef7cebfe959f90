"""Header facts the importer reads beyond round one, stored by the loader and shown on the report page."""

from datetime import date

import pytest

from rectify.importer.load import load_report
from rectify.importer.parse import parse_report
from rectify.models import Inspection, Report

pytestmark = pytest.mark.django_db

PROVINCIAL = """• 发布机构：

    中共某某市委

• 成文日期：

    2024-03-15

中共某某市委关于省委巡视整改进展情况的通报
根据省委统一部署，2023年9月1日至10月31日，省委第二巡视组对某某市进行了巡视。12月20日，省委巡视组向某某市委反馈了巡视意见。
一、反馈问题整改情况
1.贯彻落实决策部署不到位。
整改情况：已制定整改方案并完成整改。
"""


def test_a_provincial_inspection_is_stored_as_巡视_by_省委_with_publisher_and_signed_date(client):
    load_report(parse_report(PROVINCIAL), source_text=PROVINCIAL, source_name="shengwei.txt")
    inspection = Inspection.objects.get()
    assert (inspection.inspection_type, inspection.inspector_level) == ("巡视", "省委")
    assert inspection.feedback_date == date(2023, 12, 20)
    report = Report.objects.get()
    assert (report.publisher, report.signed_date) == ("中共某某市委", date(2024, 3, 15))
    page = client.get(report.get_absolute_url()).content.decode()
    assert "巡视组" in page and "省委巡视" in page
    assert "发布机构" in page and "中共某某市委" in page
    assert "2024-03-15" in page


def test_the_source_page_marks_the_line_each_header_fact_was_read_from(client):
    load_report(parse_report(PROVINCIAL), source_text=PROVINCIAL, source_name="shengwei.txt")
    report = Report.objects.get()
    assert report.fact_lines["inspection.feedback_date"] == 10
    assert report.fact_lines["report.publisher"] == 3
    page = client.get(f"{report.get_absolute_url()}source/").content.decode()
    opening = page[page.index('id="L10"') : page.index('id="L11"')]
    assert 'class="hl-fact"' in opening
    assert "反馈日期" in opening and "巡察组" in opening
    publisher = page[page.index('id="L3"') : page.index('id="L4"')]
    assert "发布机构" in publisher
