// The console's entry point: creates the app with its store, router and translations and mounts it.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { storedLocale } from './composables/useLocale';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import './styles.css';

createApp(App).use(createPinia()).use(createAppRouter()).use(createAppI18n(storedLocale())).mount('#app');
