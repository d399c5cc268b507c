/** Views, built in code: they bind to view-models and never reach the client. */
package com.crosspoint.console.view;
