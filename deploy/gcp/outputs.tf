output "events_function_uri" {
  description = "URL of hygge-events (internal ingress: reached through Eventarc only)."
  value       = google_cloudfunctions2_function.events.service_config[0].uri
}

output "http_function_uri" {
  description = "URL of hygge-http: POST {\"flow\": ..., \"entity\": ...} with an identity token for manual runs."
  value       = google_cloudfunctions2_function.http.service_config[0].uri
}

output "service_account_email" {
  description = "The functions' runtime and trigger identity."
  value       = google_service_account.hygge.email
}

output "runs_topic" {
  description = "The hygge-runs topic (HYGGE_FANOUT_TOPIC)."
  value       = google_pubsub_topic.runs.id
}

output "dead_letter_subscription" {
  description = "Pull subscription holding messages that failed max_delivery_attempts times."
  value       = google_pubsub_subscription.dead_letter.id
}

output "runs_trigger_subscription" {
  description = "The push subscription Eventarc created on hygge-runs (carries the dead-letter policy)."
  value       = google_eventarc_trigger.runs.transport[0].pubsub[0].subscription
}

output "scheduler_job" {
  description = "The Cloud Scheduler job that publishes the scheduled run."
  value       = google_cloud_scheduler_job.flow.id
}
