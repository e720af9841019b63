"""Webhook delivery: signing (Standard Webhooks 1.0), address checks, the HTTP sender, the queue
and the worker that drives them."""
