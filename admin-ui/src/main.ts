// The console's entry point: creates the app with its store, query layer, router and translations and mounts it.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { storedLocale } from './composables/useLocale';
import { installQueryLayer } from './graphql/queries';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { useAuthStore } from './stores/auth';
import './styles.css';

const pinia = createPinia();
// Asked at once, not on the first guarded page: a public page shows the signed-in state too, and the router guard
// waits for this same answer rather than asking again.
void useAuthStore(pinia).start();
const app = createApp(App).use(pinia);
installQueryLayer(app, { pinia });
app.use(createAppRouter()).use(createAppI18n(storedLocale())).mount('#app');
