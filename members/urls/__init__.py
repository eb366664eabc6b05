"""URLs of the member register, by area (chibo/urls.py includes register and seats)."""
