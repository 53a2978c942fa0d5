/** Long-running flows with deadlines (checkout, renewals, dunning); they arrive with the billing-core and payments issues. */
package com.novabilling.saga;
