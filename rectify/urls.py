from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path

from rectify import views

admin.site.site_header = "巡察整改公开 · 管理后台"
admin.site.site_title = "巡察整改公开"
admin.site.index_title = "数据录入与进展更新"

# Not language-prefixed: the admin, and the open data (exports, feeds, API) machines read.
urlpatterns = [
    path("admin/", admin.site.urls),
    # --- open data ---
    # --- end open data ---
]

# The pages people read: Chinese at /, English at /en/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("reports/", views.ReportListView.as_view(), name="report_list"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("reports/<int:pk>/source/", views.ReportSourceView.as_view(), name="report_source"),
    path("units/", views.UnitListView.as_view(), name="unit_list"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
    path("problems/", views.IssueListView.as_view(), name="issue_list"),
    path("problems/<int:pk>/", views.IssueDetailView.as_view(), name="issue_detail"),
    path("search/", views.search_page, name="search"),
    prefix_default_language=False,
)
