"""The services: the one layer that joins the banks, the quiz rules and the database.

Views call a service and render what it returns; services return Python values (rows, dataclasses,
datetimes) and raise the exceptions of `services.errors`, never HTTP statuses.
"""
