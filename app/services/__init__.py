"""Use cases. Each public method of a service is one user intent and runs in one transaction."""
