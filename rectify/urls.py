from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path
from django.views.decorators.http import require_safe

from rectify import api, display, downloads, exports, feeds, stats, views

admin.site.site_header = "巡察整改公开 · 管理后台"
admin.site.site_title = "巡察整改公开"
admin.site.index_title = "数据录入与进展更新"

# Not language-prefixed: the admin, and the open data (exports, feeds, API) machines read.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("display/", display.display_settings, name="display_settings"),
]

# Branded error pages in the reader's language; JSON under /api/v1/ (rectify.errors).
handler400 = "rectify.errors.bad_request"
handler404 = "rectify.errors.page_not_found"
handler500 = "rectify.errors.server_error"

# The pages people read: Chinese at /, English at /en/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("reports/", views.ReportListView.as_view(), name="report_list"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("reports/<int:pk>/source/", views.ReportSourceView.as_view(), name="report_source"),
    path("inspections/<int:pk>/", views.InspectionDetailView.as_view(), name="inspection_detail"),
    path("units/", views.UnitListView.as_view(), name="unit_list"),
    path("units/league/", views.UnitLeagueView.as_view(), name="unit_league"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
    path("problems/", views.IssueListView.as_view(), name="issue_list"),
    path("problems/<int:pk>/", views.IssueDetailView.as_view(), name="issue_detail"),
    path("search/", views.search_page, name="search"),
    path("stats/", stats.stats, name="stats"),
    path("api/", api.api_docs, name="api_docs"),
    prefix_default_language=False,
)

# --- open data --- (not language-prefixed; keep outside i18n_patterns)
urlpatterns += [
    path("problems/export.<str:fmt>", exports.issue_export, name="issue_export"),
    path("feeds/reports.atom", require_safe(feeds.ReportFeed()), name="report_feed"),
    path("feeds/units/<int:pk>.atom", require_safe(feeds.UnitReportFeed()), name="unit_feed"),
    path("feeds/problems.atom", require_safe(feeds.IssueReportFeed()), name="issue_feed"),
    path("api/v1/", api.api_root, name="api_root"),
    path("api/v1/problems/", api.api_issue_list, name="api_issue_list"),
    path("api/v1/problems/<int:pk>/", api.api_issue_detail, name="api_issue_detail"),
    path("api/v1/reports/", api.api_report_list, name="api_report_list"),
    path("api/v1/reports/<int:pk>/", api.api_report_detail, name="api_report_detail"),
    path("api/v1/units/", api.api_unit_list, name="api_unit_list"),
    path("api/v1/units/<int:pk>/", api.api_unit_detail, name="api_unit_detail"),
    # Evidence files marked public; MEDIA_ROOT itself is never served.
    path("evidence/<int:pk>/", downloads.evidence_file, name="evidence_file"),
    # The report's file as imported, for published reports only.
    path("reports/<int:pk>/original", downloads.report_original, name="report_original"),
]
# --- end open data ---
