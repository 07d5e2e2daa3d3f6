terraform {
  # terraform_data (used to set the dead-letter policy) needs 1.4 or newer.
  required_version = ">= 1.5.7"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "7.22.0"
    }
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
