"""Admin for staff data entry. Importer-owned fields (source text, checksum) are read-only."""

from django.contrib import admin

from rectify.models import Category, Inspection, Issue, Measure, MoneyAmount, Report, StatusChange, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "region", "level", "parent"]
    list_filter = ["level", "region"]
    search_fields = ["name", "short_name", "region"]
    autocomplete_fields = ["parent"]


class ReportInline(admin.TabularInline):
    model = Report
    fields = ["title", "published_date", "as_of_date", "is_published"]
    readonly_fields = ["title"]
    extra = 0
    show_change_link = True


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = ["unit", "inspector", "kind", "round", "start_date", "end_date", "feedback_date"]
    list_filter = ["kind", "start_date"]
    search_fields = ["unit__name", "inspector", "round", "focus"]
    autocomplete_fields = ["unit"]
    date_hierarchy = "start_date"
    inlines = [ReportInline]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "inspection", "published_date", "as_of_date", "is_published", "imported_at"]
    list_filter = ["is_published", "published_date"]
    search_fields = ["title", "inspection__unit__name", "source_name"]
    autocomplete_fields = ["inspection"]
    date_hierarchy = "published_date"
    readonly_fields = ["source_text", "checksum", "source_name", "parse_warnings", "imported_at", "updated_at"]


class MeasureInline(admin.StackedInline):
    model = Measure
    fields = ["order", "number", "text", "acting_unit_name", "acting_units", "state", "dates"]
    autocomplete_fields = ["acting_units"]
    extra = 0


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = ["changed_at", "previous_status", "status", "source", "report", "changed_by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "inspection", "status", "immediate", "deadline"]
    list_filter = ["status", "immediate", "status_source", "inspection__unit__level"]
    search_fields = ["title", "description", "number", "inspection__unit__name"]
    autocomplete_fields = ["inspection", "report", "category"]
    readonly_fields = ["key", "source_line_start", "source_line_end"]
    list_select_related = ["inspection__unit"]
    ordering = ["inspection", "order"]
    inlines = [MeasureInline, StatusChangeInline]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["__str__", "inspection", "parent", "order"]
    search_fields = ["title", "inspection__unit__name"]
    autocomplete_fields = ["inspection", "parent"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "issue", "acting_unit_name", "state"]
    list_filter = ["state"]
    search_fields = ["text", "acting_unit_name"]
    autocomplete_fields = ["issue", "acting_units"]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["issue", "previous_status", "status", "source", "report", "changed_by", "changed_at"]
    list_filter = ["source", "status"]
    search_fields = ["issue__title", "note"]
    readonly_fields = ["issue", "previous_status", "status", "source", "report", "changed_by", "changed_at"]


@admin.register(MoneyAmount)
class MoneyAmountAdmin(admin.ModelAdmin):
    list_display = ["text", "yuan", "kind", "issue"]
    list_filter = ["kind"]
    search_fields = ["text", "issue__title"]
    autocomplete_fields = ["issue", "measure"]
