# hygge on Google Cloud: two Cloud Run functions (2nd gen) from one Quarkus jar, the Eventarc
# triggers that feed them, the hygge-runs topic with its dead-letter topic, a Cloud Scheduler job,
# and a least-privilege service account. See deploy/README.md.

locals {
  java_options = "--add-opens=java.base/java.nio=ALL-UNNAMED"

  # A Cloud Storage trigger lives where its bucket does.
  landing_trigger_region = var.landing_bucket_location == "" ? var.region : lower(var.landing_bucket_location)

  # Settings both functions share; QUARKUS_GOOGLE_CLOUD_FUNCTIONS_FUNCTION picks the bean.
  function_environment = {
    HYGGE_PROJECT      = var.project_location
    HYGGE_FANOUT_TOPIC = google_pubsub_topic.runs.id
    JAVA_TOOL_OPTIONS  = local.java_options
  }

  service_account_member = "serviceAccount:${google_service_account.hygge.email}"
  pubsub_service_agent   = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"

  required_services = [
    "artifactregistry.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "cloudscheduler.googleapis.com",
    "eventarc.googleapis.com",
    "pubsub.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
  ]
}

data "google_project" "this" {
  project_id = var.project_id
}

data "google_storage_project_service_account" "gcs" {
  project = var.project_id
}

resource "google_project_service" "required" {
  for_each           = toset(local.required_services)
  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

# --- Identity ---------------------------------------------------------------------------------

resource "google_service_account" "hygge" {
  project      = var.project_id
  account_id   = "hygge-functions"
  display_name = "hygge functions (runtime and trigger identity)"
}

resource "google_storage_bucket_iam_member" "landing_reader" {
  bucket = var.landing_bucket
  role   = "roles/storage.objectViewer"
  member = local.service_account_member
}

resource "google_storage_bucket_iam_member" "lake_writer" {
  bucket = var.lake_bucket
  role   = "roles/storage.objectAdmin"
  member = local.service_account_member
}

resource "google_secret_manager_secret_iam_member" "secret_reader" {
  for_each  = toset(var.secret_ids)
  project   = var.project_id
  secret_id = each.value
  role      = "roles/secretmanager.secretAccessor"
  member    = local.service_account_member
}

resource "google_pubsub_topic_iam_member" "runs_publisher" {
  project = var.project_id
  topic   = google_pubsub_topic.runs.name
  role    = "roles/pubsub.publisher"
  member  = local.service_account_member
}

resource "google_project_iam_member" "event_receiver" {
  project = var.project_id
  role    = "roles/eventarc.eventReceiver"
  member  = local.service_account_member
}

resource "google_cloud_run_v2_service_iam_member" "events_invoker" {
  project  = var.project_id
  location = var.region
  name     = google_cloudfunctions2_function.events.name
  role     = "roles/run.invoker"
  member   = local.service_account_member
}

resource "google_cloud_run_v2_service_iam_member" "manual_invoker" {
  for_each = toset(var.manual_invokers)
  project  = var.project_id
  location = var.region
  name     = google_cloudfunctions2_function.http.name
  role     = "roles/run.invoker"
  member   = each.value
}

# Cloud Storage publishes the landing bucket's events to Pub/Sub for Eventarc.
resource "google_project_iam_member" "gcs_publisher" {
  project = var.project_id
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${data.google_storage_project_service_account.gcs.email_address}"
}

# --- Topics -----------------------------------------------------------------------------------

resource "google_pubsub_topic" "runs" {
  project = var.project_id
  name    = "hygge-runs"
}

resource "google_pubsub_topic" "dead_letter" {
  project = var.project_id
  name    = "hygge-runs-dead-letter"
}

# Keeps dead-lettered messages for inspection and replay (a topic alone keeps nothing).
resource "google_pubsub_subscription" "dead_letter" {
  project                    = var.project_id
  name                       = "hygge-runs-dead-letter"
  topic                      = google_pubsub_topic.dead_letter.id
  message_retention_duration = "604800s"

  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_service_agent
}

# --- Functions --------------------------------------------------------------------------------

resource "google_storage_bucket_object" "source" {
  name   = "hygge/function-source-${filemd5(var.source_zip)}.zip"
  bucket = var.source_bucket
  source = var.source_zip
}

resource "google_cloudfunctions2_function" "events" {
  project     = var.project_id
  name        = "hygge-events"
  location    = var.region
  description = "hygge: landing-bucket object finalized events and hygge-runs messages, one entity flow per invocation."

  build_config {
    runtime     = "java21"
    entry_point = "io.quarkus.gcp.functions.QuarkusCloudEventsFunction"
    source {
      storage_source {
        bucket = var.source_bucket
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    available_memory                 = var.memory
    available_cpu                    = var.cpu
    timeout_seconds                  = var.events_timeout_seconds
    max_instance_count               = var.max_instances
    max_instance_request_concurrency = 1
    ingress_settings                 = "ALLOW_INTERNAL_ONLY"
    all_traffic_on_latest_revision   = true
    service_account_email            = google_service_account.hygge.email
    environment_variables = merge(local.function_environment, {
      QUARKUS_GOOGLE_CLOUD_FUNCTIONS_FUNCTION = "events"
      HYGGE_FUNCTION_TIMEOUT                  = "${var.events_timeout_seconds}s"
    })
  }

  event_trigger {
    trigger_region        = local.landing_trigger_region
    event_type            = "google.cloud.storage.object.v1.finalized"
    retry_policy          = "RETRY_POLICY_RETRY"
    service_account_email = google_service_account.hygge.email
    event_filters {
      attribute = "bucket"
      value     = var.landing_bucket
    }
  }

  depends_on = [
    google_project_service.required,
    google_project_iam_member.event_receiver,
    google_project_iam_member.gcs_publisher,
    google_storage_bucket_iam_member.landing_reader,
  ]
}

resource "google_cloudfunctions2_function" "http" {
  project     = var.project_id
  name        = "hygge-http"
  location    = var.region
  description = "hygge: manual runs, POST {\"flow\": ..., \"entity\": ...}."

  build_config {
    runtime     = "java21"
    entry_point = "io.quarkus.gcp.functions.QuarkusHttpFunction"
    source {
      storage_source {
        bucket = var.source_bucket
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    available_memory                 = var.memory
    available_cpu                    = var.cpu
    timeout_seconds                  = var.http_timeout_seconds
    max_instance_count               = var.max_instances
    max_instance_request_concurrency = 1
    ingress_settings                 = "ALLOW_ALL"
    all_traffic_on_latest_revision   = true
    service_account_email            = google_service_account.hygge.email
    environment_variables = merge(local.function_environment, {
      QUARKUS_GOOGLE_CLOUD_FUNCTIONS_FUNCTION = "manual"
      HYGGE_FUNCTION_TIMEOUT                  = "${var.http_timeout_seconds}s"
    })
  }

  depends_on = [google_project_service.required]
}

# --- Triggers and schedule --------------------------------------------------------------------

# hygge-runs messages (Cloud Scheduler's {"flow": ...} and the fan-out's {"flow", "entity"})
# reach hygge-events through Eventarc's push subscription on the topic.
resource "google_eventarc_trigger" "runs" {
  project         = var.project_id
  name            = "hygge-runs"
  location        = var.region
  service_account = google_service_account.hygge.email

  matching_criteria {
    attribute = "type"
    value     = "google.cloud.pubsub.topic.v1.messagePublished"
  }

  destination {
    cloud_run_service {
      service = google_cloudfunctions2_function.events.name
      region  = var.region
    }
  }

  transport {
    pubsub {
      topic = google_pubsub_topic.runs.id
    }
  }

  depends_on = [
    google_project_iam_member.event_receiver,
    google_cloud_run_v2_service_iam_member.events_invoker,
  ]
}

resource "google_pubsub_subscription_iam_member" "runs_subscriber" {
  project      = var.project_id
  subscription = google_eventarc_trigger.runs.transport[0].pubsub[0].subscription
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_service_agent
}

# Eventarc owns the subscription it pushes from, and neither its API nor the provider sets a
# dead-letter policy on it, so gcloud does, once the subscription exists.
resource "terraform_data" "runs_dead_letter_policy" {
  triggers_replace = [
    google_eventarc_trigger.runs.transport[0].pubsub[0].subscription,
    google_pubsub_topic.dead_letter.id,
    var.max_delivery_attempts,
  ]

  provisioner "local-exec" {
    command = join(" ", [
      "gcloud pubsub subscriptions update",
      google_eventarc_trigger.runs.transport[0].pubsub[0].subscription,
      "--project=${var.project_id}",
      "--dead-letter-topic=${google_pubsub_topic.dead_letter.id}",
      "--max-delivery-attempts=${var.max_delivery_attempts}",
    ])
  }

  depends_on = [
    google_pubsub_topic_iam_member.dead_letter_publisher,
    google_pubsub_subscription_iam_member.runs_subscriber,
  ]
}

resource "google_cloud_scheduler_job" "flow" {
  project     = var.project_id
  name        = "hygge-${var.schedule_flow}"
  region      = var.region
  description = "Runs hygge flow ${var.schedule_flow}; hygge-events fans out one message per entity."
  schedule    = var.schedule
  time_zone   = var.schedule_time_zone

  pubsub_target {
    topic_name = google_pubsub_topic.runs.id
    data       = base64encode(jsonencode({ flow = var.schedule_flow }))
  }

  depends_on = [google_project_service.required]
}
