from django.urls import path

from .views import actions, index, library, meetings, papers

app_name = "network"
urlpatterns = [
    path("", index.index, name="index"),
    path("next-meeting.ics", index.next_meeting_ics, name="next_meeting_ics"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/meeting.ics", index.meeting_ics, name="meeting_ics"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/items/new/", meetings.item_add, name="item_add"),
    path("meetings/<int:pk>/items/<int:item_pk>/edit/", meetings.item_edit, name="item_edit"),
    path("meetings/<int:pk>/items/<int:item_pk>/remove/", meetings.item_delete, name="item_delete"),
    path("meetings/<int:pk>/attendance/", meetings.attendance_edit, name="attendance_edit"),
    path("meetings/<int:pk>/papers/new/", papers.paper_add, name="paper_add"),
    path("meetings/<int:pk>/papers/<int:paper_pk>/", papers.paper_download, name="paper_download"),
    path("meetings/<int:pk>/papers/<int:paper_pk>/remove/", papers.paper_delete, name="paper_delete"),
    path("meetings/<int:pk>/actions/new/", actions.action_add, name="action_add"),
    path("meetings/<int:pk>/actions/<int:action_pk>/edit/", actions.action_edit, name="action_edit"),
    path("good-practice/", library.library, name="library"),
    path("good-practice/excerpts/", library.excerpt_list, name="excerpt_list"),
    path("good-practice/excerpts/<int:rating_pk>/", library.excerpt_edit, name="excerpt_edit"),
    path("good-practice/sharing/", library.consent_list, name="consent_list"),
    path("good-practice/sharing/<int:assessment_pk>/", library.consent_edit, name="consent_edit"),
]
