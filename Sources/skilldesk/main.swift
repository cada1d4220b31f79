print("skilldesk")
