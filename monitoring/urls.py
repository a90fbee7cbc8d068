from django.urls import path

from .views import answers, rounds, setup

app_name = "monitoring"

urlpatterns = [
    path("", rounds.index, name="index"),
    path("departments/<slug:slug>/teams/", setup.team_list, name="team_list"),
    path("departments/<slug:slug>/teams/add/", setup.team_edit, name="team_add"),
    path("departments/<slug:slug>/teams/import/", setup.team_import, name="team_import"),
    path("departments/<slug:slug>/teams/<int:pk>/", setup.team_edit, name="team_edit"),
    path("departments/<slug:slug>/criteria/", setup.criterion_list, name="criterion_list"),
    path("departments/<slug:slug>/criteria/add/", setup.criterion_add, name="criterion_add"),
    path("departments/<slug:slug>/criteria/write/", setup.criterion_add_own, name="criterion_add_own"),
    path("departments/<slug:slug>/criteria/<int:pk>/", setup.criterion_edit, name="criterion_edit"),
    path("departments/<slug:slug>/rounds/open/", rounds.round_add, name="round_add"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("rounds/<int:pk>/export/<str:fmt>/", rounds.round_export, name="round_export"),
    path("rounds/<int:pk>/close/", rounds.round_close, name="round_close"),
    path("rounds/<int:pk>/share/", rounds.round_share, name="round_share"),
    path("rounds/<int:pk>/letters/", rounds.round_letters, name="round_letters"),
    path("rounds/<int:pk>/evidence/", rounds.round_cite, name="round_cite"),
    path("rounds/<int:pk>/teams/<int:team_pk>/", answers.team_answers, name="team_answers"),
    path("answers/<int:pk>/", answers.answer_edit, name="answer_edit"),
    path("answers/<int:pk>/check/", answers.answer_review, name="answer_review"),
    path("answers/<int:pk>/evidence/", answers.answer_evidence, name="answer_evidence"),
    path("letters/<int:pk>/download/", rounds.letter_download, name="letter_download"),
]
