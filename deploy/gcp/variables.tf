variable "project_id" {
  description = "Google Cloud project the functions, topics and service account live in."
  type        = string
}

variable "region" {
  description = "Region of the functions, the Eventarc triggers and the Cloud Scheduler job."
  type        = string
  default     = "europe-west1"
}

variable "landing_bucket" {
  description = "Existing Cloud Storage bucket where source files land (read only for hygge)."
  type        = string
}

variable "landing_bucket_location" {
  description = "Location of the landing bucket, where its Eventarc trigger must live: a region (europe-west1) or a multi-region (eu). Empty = var.region."
  type        = string
  default     = ""
}

variable "lake_bucket" {
  description = "Existing Cloud Storage bucket the lake (and hygge's state) is written to."
  type        = string
}

variable "source_bucket" {
  description = "Existing bucket the function source zip is uploaded to."
  type        = string
}

variable "source_zip" {
  description = "Local path of the function source zip (functions-gcp/target/deployment zipped with the project; see deploy/README.md)."
  type        = string
  default     = "../../functions-gcp/target/function-source.zip"
}

variable "project_location" {
  description = "HYGGE_PROJECT: the hygge project directory inside the source zip (relative to the working directory), or an object-storage URL."
  type        = string
  default     = "."
}

variable "secret_ids" {
  description = "Secret Manager secret ids (short names or projects/<p>/secrets/<name>) the project reads through gcp-secrets:: references."
  type        = list(string)
  default     = []
}

variable "memory" {
  description = "Memory of each function instance (Cloud Run notation, e.g. 2Gi)."
  type        = string
  default     = "2Gi"
}

variable "cpu" {
  description = "vCPUs of each function instance."
  type        = string
  default     = "1"
}

variable "events_timeout_seconds" {
  description = "Timeout of hygge-events (event-driven functions allow at most 540 s)."
  type        = number
  default     = 540

  validation {
    condition     = var.events_timeout_seconds >= 1 && var.events_timeout_seconds <= 540
    error_message = "events_timeout_seconds must be between 1 and 540 (the limit for event-driven functions)."
  }
}

variable "http_timeout_seconds" {
  description = "Timeout of hygge-http (HTTP functions allow at most 3600 s)."
  type        = number
  default     = 3600

  validation {
    condition     = var.http_timeout_seconds >= 1 && var.http_timeout_seconds <= 3600
    error_message = "http_timeout_seconds must be between 1 and 3600 (the limit for HTTP functions)."
  }
}

variable "max_instances" {
  description = "Most instances of each function running at once."
  type        = number
  default     = 10
}

variable "max_delivery_attempts" {
  description = "Deliveries of a hygge-runs message before it moves to hygge-runs-dead-letter (5 to 100)."
  type        = number
  default     = 5

  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100
    error_message = "max_delivery_attempts must be between 5 and 100 (Pub/Sub's bounds)."
  }
}

variable "schedule" {
  description = "Cloud Scheduler cron expression of the scheduled run."
  type        = string
  default     = "0 * * * *"
}

variable "schedule_time_zone" {
  description = "Time zone the schedule is evaluated in (IANA name)."
  type        = string
  default     = "Etc/UTC"
}

variable "schedule_flow" {
  description = "The flow the schedule runs: Cloud Scheduler publishes {\"flow\": <schedule_flow>} to hygge-runs, and the function fans out one message per entity."
  type        = string
}

variable "manual_invokers" {
  description = "IAM members allowed to call hygge-http for manual runs (e.g. user:ana@example.com, group:data@example.com)."
  type        = list(string)
  default     = []
}
