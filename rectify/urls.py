from django.contrib import admin
from django.urls import path

from rectify import views

admin.site.site_header = "巡察整改公开 · 管理后台"
admin.site.site_title = "巡察整改公开"
admin.site.index_title = "数据录入与进展更新"

urlpatterns = [
    path("", views.home, name="home"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
    path("admin/", admin.site.urls),
]
