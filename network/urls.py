app_name = "network"
urlpatterns = []
